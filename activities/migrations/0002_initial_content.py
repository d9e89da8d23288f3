"""The national and local services the target groups can use, from
docs/sources/national-services.md and nothing else: no address but the one given, no opening
hours, phone numbers, prices or events. Estonian is authoritative; Russian and English are
translations. Staff edit or unpublish them later; a data migration runs once, so their edits
are never overwritten.

The texts are keyed by language: a site language added later (settings.LANGUAGES) shows the
Estonian text until it is translated in the admin.
"""

from django.db import migrations

ALL_GROUPS = ("international_protection", "new_immigrant", "diverse_background", "repatriate")

LANGUAGES = ("et", "ru", "en", "uk")  # offered in the admin's language choice for services

NARVA_LANGUAGE_HOUSE = {
    "name": {
        "et": "Narva Eesti Keele Maja",
        "ru": "Нарвский Дом эстонского языка",
        "en": "Narva Estonian Language House",
    },
    "address": {"et": "Linda 2, Narva", "ru": "Линда 2, Нарва", "en": "Linda 2, Narva"},
    "openstreetmap_url": "https://www.openstreetmap.org/search?query=Linda%202%2C%20Narva",
}

CONTACTS_PAGE = {"et": "/et/kontaktid/", "ru": "/ru/kontakty/", "en": "/en/contacts/"}

SERVICES = [
    {
        "ordering": 10,
        "scope": "national",
        "groups": ("international_protection", "new_immigrant"),
        "free": True,
        "email": "info@settleinestonia.ee",
        "website": "https://www.settleinestonia.ee/",
        "slug": {
            "et": "kohanemisprogramm-settle-in-estonia",
            "ru": "programma-adaptacii-settle-in-estonia",
            "en": "settle-in-estonia-adaptation-programme",
        },
        "title": {
            "et": "Kohanemisprogramm „Settle in Estonia“",
            "ru": "Программа адаптации «Settle in Estonia»",
            "en": "Settle in Estonia adaptation programme",
        },
        "summary": {
            "et": "Eesti riigi tasuta koolitusprogramm, mis aitab äsja saabunud sisserändajatel "
            "Eesti eluga kohaneda: igapäevaelu praktilistest küsimustest eesti keele ja "
            "ühiskonnani.",
            "ru": "Бесплатная учебная программа эстонского государства, которая помогает недавно "
            "прибывшим иммигрантам адаптироваться к жизни в Эстонии: от практических "
            "повседневных вопросов до эстонского языка и общества.",
            "en": "A free training programme of the Estonian state that helps newly arrived "
            "immigrants adapt to life in Estonia, from practical everyday matters to the "
            "Estonian language and society.",
        },
        "body": {
            "et": "<p>Programmi korraldab ja arendab Integratsiooni Sihtasutus, valdkonna eest "
            "vastutab Kultuuriministeerium.</p><h2>Koolitused</h2><ul><li>Ülevaade Eesti elust: "
            "riik, ühiskond, õigused ja kohustused, avalikud teenused.</li><li>Teemamoodulid "
            "tööst, ettevõtlusest, pereelust, õppimisest ja teadustööst.</li><li>Eesti keele "
            "kursused (A1, A2 ja edasi).</li></ul><h2>Kes saavad osaleda</h2><p>Ajutise "
            "elamisloaga välismaalased (ka need, kelle elamisluba on antud ajutise või "
            "rahvusvahelise kaitse alusel), ajutise elamisõigusega Euroopa Liidu kodanikud ja "
            "ajutise elamisõigusega Euroopa Liidu kodanike pereliikmed viie aasta jooksul "
            "pärast esimese elamisloa või elamisõiguse saamist. Ajutise või rahvusvahelise "
            "kaitse saanud inimestele on osalemine kohustuslik.</p>",
            "ru": "<p>Программу организует и развивает Фонд интеграции, за эту область отвечает "
            "Министерство культуры.</p><h2>Курсы</h2><ul><li>Обзор жизни в Эстонии: "
            "государство, общество, права и обязанности, публичные услуги.</li><li>Тематические "
            "модули о работе, предпринимательстве, семейной жизни, учёбе и научной работе."
            "</li><li>Курсы эстонского языка (A1, A2 и выше).</li></ul><h2>Кто может "
            "участвовать</h2><p>Иностранцы с временным видом на жительство (в том числе "
            "выданным на основании временной или международной защиты), граждане Европейского "
            "Союза с временным правом на проживание и члены семьи граждан Европейского Союза с "
            "временным правом на проживание — в течение пяти лет после получения первого вида "
            "на жительство или права на проживание. Для получивших временную или "
            "международную защиту участие обязательно.</p>",
            "en": "<p>It is organised and developed by the Integration Foundation; the Ministry "
            "of Culture is responsible for the field.</p><h2>Courses</h2><ul><li>An overview of "
            "life in Estonia: the state, society, rights and duties, public services.</li><li>"
            "Thematic modules on work, entrepreneurship, family life, studying and research."
            "</li><li>Estonian language courses (A1, A2 and beyond).</li></ul><h2>Who can take "
            "part</h2><p>Foreigners with a temporary residence permit (including one based on "
            "temporary or international protection), EU citizens with a temporary right of "
            "residence, and family members of EU citizens with a temporary right of residence, "
            "within five years of their first residence permit or right of residence. "
            "Participation is mandatory for people granted temporary or international "
            "protection.</p>",
        },
        "provider": {
            "et": "Integratsiooni Sihtasutus",
            "ru": "Фонд интеграции (Integratsiooni Sihtasutus)",
            "en": "Integration Foundation (Integratsiooni Sihtasutus)",
        },
    },
    {
        "ordering": 20,
        "scope": "national",
        "groups": ("diverse_background", "new_immigrant", "repatriate", "international_protection"),
        "participation": "event_sign_up",
        "location": NARVA_LANGUAGE_HOUSE,
        "website": "https://www.integratsioon.ee/",
        "slug": {"et": "integratsiooni-sihtasutus", "ru": "fond-integracii", "en": "integration-foundation"},
        "title": {
            "et": "Integratsiooni Sihtasutus: eesti keele õpe ja keelepraktika",
            "ru": "Фонд интеграции: изучение эстонского языка и языковая практика",
            "en": "Integration Foundation: learning Estonian and language practice",
        },
        "summary": {
            "et": "Riiklik sihtasutus, mis toetab nende täiskasvanute eesti keele õpet ja "
            "lõimumist, kelle emakeel ei ole eesti keel.",
            "ru": "Государственный фонд, который поддерживает изучение эстонского языка и "
            "интеграцию взрослых, чей родной язык не эстонский.",
            "en": "A state foundation that supports the Estonian language learning and "
            "integration of adults whose mother tongue is not Estonian.",
        },
        "body": {
            "et": "<p>Eesti keele kursused, keelepraktika (keelekohvikud, klubid, "
            "vestlusüritused) ja tugi Eestisse naasjatele.</p><p>Eesti keele majad Narvas "
            "(Linda 2) ja Tallinnas pakuvad kursusi, keelepraktika üritusi ja nõustamist.</p>",
            "ru": "<p>Курсы эстонского языка, языковая практика (языковые кафе, клубы, "
            "разговорные встречи) и поддержка тех, кто возвращается в Эстонию.</p><p>Дома "
            "эстонского языка в Нарве (Линда 2) и Таллинне предлагают курсы, мероприятия "
            "языковой практики и консультации.</p>",
            "en": "<p>Estonian language courses, language practice (language cafés, clubs, "
            "conversation events), and support for people returning to Estonia.</p><p>The "
            "Estonian Language Houses in Narva (Linda 2) and Tallinn offer courses, language "
            "practice events and counselling.</p>",
        },
        "how_to_take_part": {
            "et": "Sihtasutuse üritustele registreerutakse selle iseteeninduses ID-kaardi, "
            "Mobiil-ID või Smart-ID-ga.",
            "ru": "На мероприятия фонда регистрируются на его портале самообслуживания с "
            "ID-картой, Mobiil-ID или Smart-ID.",
            "en": "You register for the foundation's events in its self-service portal, with an "
            "ID card, Mobile-ID or Smart-ID.",
        },
        "provider": {
            "et": "Integratsiooni Sihtasutus",
            "ru": "Фонд интеграции (Integratsiooni Sihtasutus)",
            "en": "Integration Foundation (Integratsiooni Sihtasutus)",
        },
    },
    {
        "ordering": 30,
        "scope": "national",
        "groups": ("international_protection", "new_immigrant", "diverse_background"),
        "website": "https://www.politsei.ee/",
        "slug": {
            "et": "politsei-ja-piirivalveamet",
            "ru": "departament-policii-i-pogranohrany",
            "en": "police-and-border-guard-board",
        },
        "title": {
            "et": "Politsei- ja Piirivalveamet: elamisload, dokumendid ja kodakondsus",
            "ru": "Департамент полиции и погранохраны: виды на жительство, документы и "
            "гражданство",
            "en": "Police and Border Guard Board: residence permits, documents and citizenship",
        },
        "summary": {
            "et": "Elamisload ja elamisõigused, ajutine kaitse, isikut tõendavad dokumendid ja "
            "kodakondsuse taotlused.",
            "ru": "Виды на жительство и права на проживание, временная защита, документы, "
            "удостоверяющие личность, и ходатайства о гражданстве.",
            "en": "Residence permits and rights of residence, temporary protection, identity "
            "documents and citizenship applications.",
        },
        "provider": {
            "et": "Politsei- ja Piirivalveamet",
            "ru": "Департамент полиции и погранохраны (Politsei- ja Piirivalveamet)",
            "en": "Police and Border Guard Board (Politsei- ja Piirivalveamet)",
        },
    },
    {
        "ordering": 40,
        "scope": "national",
        "groups": ("international_protection",),
        "website": "https://sotsiaalkindlustusamet.ee/",
        "slug": {
            "et": "sotsiaalkindlustusamet",
            "ru": "departament-socialnogo-strahovaniya",
            "en": "social-insurance-board",
        },
        "title": {
            "et": "Sotsiaalkindlustusamet: tugiteenused rahvusvahelise kaitse saajatele",
            "ru": "Департамент социального страхования: вспомогательные услуги для получателей "
            "международной защиты",
            "en": "Social Insurance Board: support services for beneficiaries of international "
            "protection",
        },
        "summary": {
            "et": "Tugiteenused rahvusvahelise kaitse saajatele pärast elamisloa saamist, "
            "näiteks tugiisik ja tõlkimine.",
            "ru": "Вспомогательные услуги для получателей международной защиты после получения "
            "вида на жительство, например опорное лицо и услуги переводчика.",
            "en": "Support services for beneficiaries of international protection after they "
            "receive their residence permit, such as a support person and interpreting.",
        },
        "provider": {
            "et": "Sotsiaalkindlustusamet",
            "ru": "Департамент социального страхования (Sotsiaalkindlustusamet)",
            "en": "Social Insurance Board (Sotsiaalkindlustusamet)",
        },
    },
    {
        "ordering": 50,
        "scope": "national",
        "groups": ALL_GROUPS,
        "website": "https://www.tootukassa.ee/",
        "slug": {
            "et": "eesti-tootukassa",
            "ru": "kassa-po-bezrabotice",
            "en": "unemployment-insurance-fund",
        },
        "title": {
            "et": "Eesti Töötukassa: töö otsimine, karjäärinõustamine ja koolitus",
            "ru": "Эстонская касса по безработице: поиск работы, консультирование по вопросам "
            "карьеры и обучение",
            "en": "Estonian Unemployment Insurance Fund: finding work, career counselling and "
            "training",
        },
        "summary": {
            "et": "Abi töö leidmisel, karjäärinõustamine ja koolitused töötukassas "
            "registreeritud inimestele.",
            "ru": "Помощь в поиске работы, консультирование по вопросам карьеры и обучение для "
            "тех, кто зарегистрирован в кассе.",
            "en": "Help with finding work, career counselling and training for people registered "
            "with it.",
        },
        "provider": {
            "et": "Eesti Töötukassa",
            "ru": "Эстонская касса по безработице (Eesti Töötukassa)",
            "en": "Estonian Unemployment Insurance Fund (Eesti Töötukassa)",
        },
    },
    {
        "ordering": 60,
        "scope": "local",
        "groups": ALL_GROUPS,
        "website": "https://www.kjlv.ee/",
        "slug": {
            "et": "kohtla-jarve-linnavalitsus",
            "ru": "gorodskaya-uprava-kohtla-yarve",
            "en": "kohtla-jarve-city-government",
        },
        "title": {
            "et": "Kohtla-Järve Linnavalitsus: elukoha registreerimine ja projekti kontaktisik",
            "ru": "Городская управа Кохтла-Ярве: регистрация места жительства и контактное лицо "
            "проекта",
            "en": "Kohtla-Järve City Government: registering your place of residence and the "
            "project's contact person",
        },
        "summary": {
            "et": "Kohtla-Järve kohalik omavalitsus: muu hulgas elukoha registreerimine "
            "rahvastikuregistris (seda vajab tagasipöörduja) ja projekti kontaktisik.",
            "ru": "Местное самоуправление Кохтла-Ярве: среди прочего регистрация места "
            "жительства в регистре народонаселения (она нужна репатрианту) и контактное лицо "
            "проекта.",
            "en": "The local government of Kohtla-Järve: among other things, registering a place "
            "of residence in the population register (which a repatriate needs), and the "
            "project's own contact person.",
        },
        "body": {
            "et": f'<p>Projekti kontaktisiku leiate <a href="{CONTACTS_PAGE["et"]}">kontaktide '
            "lehelt</a>.</p>",
            "ru": f'<p>Контактное лицо проекта указано на <a href="{CONTACTS_PAGE["ru"]}">'
            "странице контактов</a>.</p>",
            "en": f'<p>You find the project\'s contact person on the <a href="'
            f'{CONTACTS_PAGE["en"]}">contacts page</a>.</p>',
        },
        "provider": {
            "et": "Kohtla-Järve Linnavalitsus",
            "ru": "Городская управа Кохтла-Ярве",
            "en": "Kohtla-Järve City Government",
        },
    },
    {
        "ordering": 70,
        "scope": "local",
        "groups": ALL_GROUPS,
        "website": "https://kjshkk.ee/",
        "slug": {
            "et": "kohtla-jarve-sotsiaalhoolekandekeskus",
            "ru": "centr-socialnogo-popecheniya-kohtla-yarve",
            "en": "kohtla-jarve-social-welfare-centre",
        },
        "title": {
            "et": "Kohtla-Järve Sotsiaalhoolekandekeskus: sotsiaalteenused",
            "ru": "Центр социального попечения Кохтла-Ярве: социальные услуги",
            "en": "Kohtla-Järve Social Welfare Centre: social services",
        },
        "summary": {
            "et": "Linna sotsiaalteenused: sotsiaalnõustamine, psühholoogiline nõustamine, "
            "tugiisikuteenus ja muud sotsiaalteenused abi vajavatele elanikele.",
            "ru": "Социальные услуги города: социальное консультирование, психологическое "
            "консультирование, услуга опорного лица и другие социальные услуги для жителей, "
            "которым нужна помощь.",
            "en": "The city's social services: social counselling, psychological counselling, "
            "support person service and other social services for residents who need help.",
        },
        "provider": {
            "et": "Kohtla-Järve Sotsiaalhoolekandekeskus",
            "ru": "Центр социального попечения Кохтла-Ярве (Kohtla-Järve "
            "Sotsiaalhoolekandekeskus)",
            "en": "Kohtla-Järve Social Welfare Centre (Kohtla-Järve Sotsiaalhoolekandekeskus)",
        },
    },
]

TEXTS = ("title", "slug", "summary", "body", "provider", "how_to_take_part")


def translated(fields, item, names):
    """Each translated text into field_<language>; the untranslated column holds the Estonian."""
    for name in names:
        if name in item:
            fields[name] = item[name]["et"]
            fields.update({f"{name}_{code}": text for code, text in item[name].items()})
    return fields


def load(apps, schema_editor):
    Language = apps.get_model("activities", "Language")
    Location = apps.get_model("activities", "Location")
    Service = apps.get_model("activities", "Service")
    TargetGroup = apps.get_model("pages", "TargetGroup")
    for number, code in enumerate(LANGUAGES):
        Language.objects.create(code=code, ordering=number * 10)
    groups = {group.code: group for group in TargetGroup.objects.all()}
    for item in SERVICES:
        fields = {key: item[key] for key in ("ordering", "scope", "website") if key in item}
        fields |= {key: item[key] for key in ("free", "email", "participation") if key in item}
        if "location" in item:
            place = item["location"]
            location_fields = translated({}, place, ("name", "address"))
            location_fields["openstreetmap_url"] = place["openstreetmap_url"]
            fields["location"] = Location.objects.create(**location_fields)
        service = Service.objects.create(**translated(fields, item, TEXTS))
        service.target_groups.set([groups[code] for code in item["groups"] if code in groups])


def remove(apps, schema_editor):
    for model in ("Service", "Location", "Language"):
        apps.get_model("activities", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial"), ("pages", "0004_staff_roles")]

    operations = [migrations.RunPython(load, remove)]
