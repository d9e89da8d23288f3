"""Sign-up for events: registrations, the waiting list and what the project reports of them."""
