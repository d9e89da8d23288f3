"""Sample services, locations, events and news for `manage.py demo load` (make demo): a site
full enough for a newcomer to see every kind of page. Every row is marked `is_sample` (shown
to staff in the admin and to visitors as "Sample") and every text says it is a sample; the
address is made up and says so. Dates are relative to today, so there are always past and
upcoming events."""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pages.models import TargetGroup

from .models import Event, EventSeries, Language, Location, NewsItem, Service

SAMPLE_MODELS = (Event, EventSeries, Service, Location, NewsItem)  # the order they are deleted in


def texts(name, values):
    """{name_<language>: text} for the languages the sample has, and the untranslated column."""
    fields = {name: values[settings.SOURCE_LANGUAGE]}
    site_languages = {code for code, _name in settings.LANGUAGES}
    fields |= {f"{name}_{code}": text for code, text in values.items() if code in site_languages}
    return fields


PLACE = {
    "name": {
        "et": "Näidiskoht: kogukonnasaal",
        "ru": "Пример места: общественный зал",
        "en": "Sample place: community hall",
        "uk": "Приклад місця: громадська зала",
    },
    "address": {
        "et": "Näidistänav 1, Kohtla-Järve (näidisaadress)",
        "ru": "Примерная улица 1, Кохтла-Ярве (пример адреса)",
        "en": "Sample Street 1, Kohtla-Järve (a sample address)",
        "uk": "вул. Прикладна, 1, Кохтла-Ярве (приклад адреси)",
    },
    "directions": {
        "et": "Näidistekst: siia kirjutatakse, kuidas kohale jõuda.",
        "ru": "Пример текста: здесь пишут, как добраться.",
        "en": "Sample text: how to get there goes here.",
        "uk": "Приклад тексту: тут пишуть, як дістатися.",
    },
}

CAFE = {
    "title": {
        "et": "Eesti keele kohvik (näidis)",
        "ru": "Кафе эстонского языка (пример)",
        "en": "Estonian language café (sample)",
        "uk": "Кафе естонської мови (приклад)",
    },
    "summary": {
        "et": "Näidisteenus: vestlus eesti keeles vabas õhkkonnas, tule lihtsalt kohale.",
        "ru": "Пример услуги: разговор на эстонском языке в свободной обстановке, "
        "просто приходите.",
        "en": "A sample service: conversation in Estonian in a relaxed setting; just come along.",
        "uk": "Приклад послуги: розмова естонською мовою в невимушеній атмосфері, "
        "просто приходьте.",
    },
    "provider": {
        "et": "Kohtla-Järve Linnavalitsus (näidis)",
        "ru": "Городская управа Кохтла-Ярве (пример)",
        "en": "Kohtla-Järve City Government (sample)",
        "uk": "Міська управа Кохтла-Ярве (приклад)",
    },
}

COUNSELLING = {
    "title": {
        "et": "Nõustamine uutele elanikele (näidis)",
        "ru": "Консультации для новых жителей (пример)",
        "en": "Advice for new residents (sample)",
        "uk": "Консультації для нових мешканців (приклад)",
    },
    "summary": {
        "et": "Näidisteenus: nõustaja vastab küsimustele elu kohta Kohtla-Järvel.",
        "ru": "Пример услуги: консультант отвечает на вопросы о жизни в Кохтла-Ярве.",
        "en": "A sample service: an adviser answers questions about life in Kohtla-Järve.",
        "uk": "Приклад послуги: консультант відповідає на запитання про життя в Кохтла-Ярве.",
    },
    "provider": {
        "et": "Kohtla-Järve Linnavalitsus (näidis)",
        "ru": "Городская управа Кохтла-Ярве (пример)",
        "en": "Kohtla-Järve City Government (sample)",
        "uk": "Міська управа Кохтла-Ярве (приклад)",
    },
    "what_to_bring": {
        "et": "Näidistekst: isikut tõendav dokument.",
        "ru": "Пример текста: документ, удостоверяющий личность.",
        "en": "Sample text: an identity document.",
        "uk": "Приклад тексту: документ, що посвідчує особу.",
    },
}

INFO_DAY = {
    "et": "Infopäev veebis (näidis)",
    "ru": "День информации онлайн (пример)",
    "en": "Online information day (sample)",
    "uk": "Інформаційний день онлайн (приклад)",
}
WELCOME_EVENING = {
    "et": "Tutvumisõhtu (näidis)",
    "ru": "Вечер знакомства (пример)",
    "en": "Welcome evening (sample)",
    "uk": "Вечір знайомства (приклад)",
}
CANCEL_REASON = {
    "et": "Näidis: juhendaja on haige.",
    "ru": "Пример: ведущий заболел.",
    "en": "Sample: the host is ill.",
    "uk": "Приклад: ведучий захворів.",
}
SAMPLE_BODY = {
    "et": "<p>See on näidissündmus, et näha, kuidas sündmuse leht välja näeb.</p>",
    "ru": "<p>Это пример мероприятия, чтобы увидеть, как выглядит его страница.</p>",
    "en": "<p>This is a sample event, to show what an event's page looks like.</p>",
    "uk": "<p>Це приклад події, щоб показати, який вигляд має сторінка події.</p>",
}
NEWS = [
    (
        0,
        {
            "et": "Näidisuudis: uus hooaeg",
            "ru": "Пример новости: новый сезон",
            "en": "Sample news: a new season",
            "uk": "Приклад новини: новий сезон",
        },
    ),
    (
        7,
        {
            "et": "Näidisuudis: keelekohvik kolib",
            "ru": "Пример новости: языковое кафе переезжает",
            "en": "Sample news: the language café moves",
            "uk": "Приклад новини: мовне кафе переїжджає",
        },
    ),
    (
        30,
        {
            "et": "Näidisuudis: projekt algas",
            "ru": "Пример новости: проект начался",
            "en": "Sample news: the project has started",
            "uk": "Приклад новини: проєкт розпочався",
        },
    ),
]
NEWS_SUMMARY = {
    "et": "Näidistekst uudise kokkuvõtteks.",
    "ru": "Пример краткого содержания новости.",
    "en": "Sample text for the news item's summary.",
    "uk": "Приклад тексту для короткого опису новини.",
}


class RealEventsPresent(Exception):
    """The database holds events that are not samples: loading would mix samples in."""


def loaded():
    return any(model.objects.filter(is_sample=True).exists() for model in SAMPLE_MODELS)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=timezone.get_default_timezone())


@transaction.atomic
def load(force=False):
    """Load the samples; False if they were there already (nothing is changed then)."""
    real = Event.objects.filter(is_sample=False).count()
    if real and not force:
        raise RealEventsPresent(real)
    if loaded():
        return False
    today = timezone.localdate()
    languages = {language.code: language for language in Language.objects.all()}
    groups = {group.code: group for group in TargetGroup.objects.all()}

    def pick(mapping, codes):
        return [mapping[code] for code in codes if code in mapping]

    place = Location.objects.create(
        is_sample=True,
        step_free_entrance=True,
        accessible_toilet=False,
        **texts("name", PLACE["name"]),
        **texts("address", PLACE["address"]),
        **texts("directions", PLACE["directions"]),
    )
    cafe = Service.objects.create(
        is_sample=True,
        scope=Service.Scope.PROJECT,
        location=place,
        participation=Service.Participation.DROP_IN,
        free=True,
        ordering=100,
        **{key: value for name in CAFE for key, value in texts(name, CAFE[name]).items()},
    )
    cafe.target_groups.set(pick(groups, ["diverse_background", "new_immigrant", "repatriate"]))
    cafe.languages.set(pick(languages, ["et", "ru"]))
    counselling = Service.objects.create(
        is_sample=True,
        scope=Service.Scope.PROJECT,
        online=True,
        for_everyone=True,
        participation=Service.Participation.APPOINTMENT,
        ordering=110,
        **{
            key: value
            for name in COUNSELLING
            for key, value in texts(name, COUNSELLING[name]).items()
        },
    )
    counselling.languages.set(pick(languages, ["ru", "en", "uk"]))

    series = EventSeries.objects.create(
        is_sample=True,
        service=cafe,
        location=place,
        estonian_level=EventSeries.Level.A2,
        first_day=today - timedelta(days=14),
        weekdays="TU,TH",
        times=8,
        start_time=time(18),
        end_time=time(19, 30),
        **texts("title", CAFE["title"]),
        **texts("body", SAMPLE_BODY),
    )
    series.languages.set(pick(languages, ["et", "ru"]))
    series.target_groups.set(pick(groups, ["diverse_background", "new_immigrant", "repatriate"]))
    series.apply_from(series.first_day)
    cancelled = series.events.filter(starts_at__gt=timezone.now()).order_by("starts_at").last()
    if cancelled:
        cancelled.cancelled = True
        for key, value in texts("cancellation_reason", CANCEL_REASON).items():
            setattr(cancelled, key, value)
        cancelled.save()

    singles = [
        (
            INFO_DAY,
            today + timedelta(days=8),
            {"online_url": "https://example.org/"},
            ["en", "uk", "ru"],
        ),
        (WELCOME_EVENING, today - timedelta(days=5), {"location": place}, ["et", "ru", "en"]),
    ]
    for title, day, where, codes in singles:
        event = Event.objects.create(
            is_sample=True,
            service=counselling,
            for_everyone=True,
            starts_at=at(day, 17),
            ends_at=at(day, 19),
            **where,
            **texts("title", title),
            **texts("body", SAMPLE_BODY),
        )
        event.languages.set(pick(languages, codes))

    for days_ago, title in NEWS:
        NewsItem.objects.create(
            is_sample=True,
            published_on=today - timedelta(days=days_ago),
            **texts("title", title),
            **texts("summary", NEWS_SUMMARY),
        )
    return True


@transaction.atomic
def remove():
    """Delete every sample; returns how many rows were deleted."""
    return sum(model.objects.filter(is_sample=True).delete()[0] for model in SAMPLE_MODELS)
