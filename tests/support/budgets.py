"""What one uncached public page may cost: the same number, however much content there is.

A page reads (at most) the languages shown to visitors, its own item, the menu, what it lists
(target groups, partners, contacts …) and its attachments; bench/run.py measures the same.
"""

MAX_QUERIES_PER_PAGE = 6
