"""The services and the place 0002 loaded, in Ukrainian, translated from the Estonian (the
authoritative text) for the recipients of temporary protection in Kohtla-Järve, most of whom
read it. Only what 0002 says (from docs/sources/national-services.md): no address but the one
given, no opening hours, phone numbers or prices.

Terms are those Ukrainian public services and Estonia's own Ukrainian pages use: «посвідка на
проживання» (elamisluba), «тимчасовий захист», «міжнародний захист», «проєкт» (the 2019
orthography), «Реєстр народонаселення». An institution's Estonian name follows its Ukrainian one
in the provider's field, as in Russian and English. An address is the Ukrainian title's part
before the colon, romanised by the national system of the Cabinet of Ministers' resolution
No. 55 of 2010 (pages.slugs), as the Estonian address is the Estonian title's (a test checks
each).

A text is written only where the Ukrainian one is still empty, so a Ukrainian text staff wrote
before this migration ran stays as it is; reversing empties only the texts that are still this
migration's.
"""

import importlib

from django.db import migrations

pages_ukrainian = importlib.import_module("pages.migrations.0009_ukrainian_content")
LANGUAGE = "uk"
# The contacts page's Ukrainian address, as pages 0009 gave it.
CONTACTS_PAGE = f"/{LANGUAGE}/{pages_ukrainian.PAGES['kontaktid']['slug']}/"
INTEGRATION_FOUNDATION = "Фонд інтеграції (Integratsiooni Sihtasutus)"

SERVICES = {  # by the Estonian address 0002 gave them
    "kohanemisprogramm-settle-in-estonia": {
        "slug": "prohrama-adaptatsii-settle-in-estonia",
        "title": "Програма адаптації «Settle in Estonia»",
        "summary": "Безоплатна навчальна програма естонської держави, яка допомагає новоприбулим "
        "іммігрантам адаптуватися до життя в Естонії: від практичних повсякденних питань до "
        "естонської мови та суспільства.",
        "body": "<p>Програму організовує і розвиває Фонд інтеграції, за цю сферу відповідає "
        "Міністерство культури.</p>"
        "<h2>Навчання</h2>"
        "<ul><li>Огляд життя в Естонії: держава, суспільство, права й обов’язки, публічні "
        "послуги.</li>"
        "<li>Тематичні модулі про роботу, підприємництво, сімейне життя, навчання і наукову "
        "роботу.</li>"
        "<li>Курси естонської мови (A1, A2 і вище).</li></ul>"
        "<h2>Хто може взяти участь</h2>"
        "<p>Іноземці з тимчасовою посвідкою на проживання (зокрема ті, кому посвідку на "
        "проживання видано на підставі тимчасового або міжнародного захисту), громадяни "
        "Європейського Союзу з тимчасовим правом на проживання і члени сімей громадян "
        "Європейського Союзу з тимчасовим правом на проживання — протягом п’яти років після "
        "отримання першої посвідки на проживання або права на проживання. Для людей, які "
        "отримали тимчасовий або міжнародний захист, участь обов’язкова.</p>",
        "provider": INTEGRATION_FOUNDATION,
    },
    "integratsiooni-sihtasutus": {
        "slug": "fond-intehratsii",
        "title": "Фонд інтеграції: вивчення естонської мови та мовна практика",
        "summary": "Державний фонд, який підтримує вивчення естонської мови та інтеграцію "
        "дорослих, для яких естонська мова не є рідною.",
        "body": "<p>Курси естонської мови, мовна практика (мовні кафе, клуби, розмовні зустрічі) "
        "і підтримка для тих, хто повертається до Естонії.</p>"
        "<p>Доми естонської мови в Нарві (Лінда 2) і Таллінні пропонують курси, заходи мовної "
        "практики та консультації.</p>",
        "how_to_take_part": "Зареєструватися на заходи фонду можна на його порталі "
        "самообслуговування за допомогою ID-картки, Mobiil-ID або Smart-ID.",
        "provider": INTEGRATION_FOUNDATION,
    },
    "politsei-ja-piirivalveamet": {
        "slug": "departament-politsii-ta-prykordonnoi-okhorony",
        "title": "Департамент поліції та прикордонної охорони: посвідки на проживання, документи "
        "та громадянство",
        "summary": "Посвідки на проживання і права на проживання, тимчасовий захист, документи, "
        "що посвідчують особу, і заяви про надання громадянства.",
        "provider": "Департамент поліції та прикордонної охорони (Politsei- ja Piirivalveamet)",
    },
    "sotsiaalkindlustusamet": {
        "slug": "departament-sotsialnoho-strakhuvannia",
        "title": "Департамент соціального страхування: послуги підтримки для отримувачів "
        "міжнародного захисту",
        "summary": "Послуги підтримки для отримувачів міжнародного захисту після того, як вони "
        "отримали посвідку на проживання, наприклад особа підтримки та послуги перекладача.",
        "provider": "Департамент соціального страхування (Sotsiaalkindlustusamet)",
    },
    "eesti-tootukassa": {
        "slug": "estonska-kasa-strakhuvannia-vid-bezrobittia",
        "title": "Естонська каса страхування від безробіття: пошук роботи, консультування з "
        "питань кар’єри та навчання",
        "summary": "Допомога в пошуку роботи, консультування з питань кар’єри та навчання для "
        "людей, зареєстрованих у касі страхування від безробіття.",
        "provider": "Естонська каса страхування від безробіття (Eesti Töötukassa)",
    },
    "kohtla-jarve-linnavalitsus": {
        "slug": "miska-uprava-kokhtla-yarve",
        "title": "Міська управа Кохтла-Ярве: реєстрація місця проживання та контактна особа "
        "проєкту",
        "summary": "Орган місцевого самоврядування Кохтла-Ярве: серед іншого — реєстрація місця "
        "проживання в Реєстрі народонаселення (вона потрібна репатріанту) і контактна особа "
        "проєкту.",
        "body": f'<p>Контактну особу проєкту ви знайдете на <a href="{CONTACTS_PAGE}">сторінці '
        "контактів</a>.</p>",
        "provider": pages_ukrainian.CITY,
    },
    "kohtla-jarve-sotsiaalhoolekandekeskus": {
        "slug": "tsentr-sotsialnoho-zabezpechennia-kokhtla-yarve",
        "title": "Центр соціального забезпечення Кохтла-Ярве: соціальні послуги",
        "summary": "Соціальні послуги міста: соціальне консультування, психологічне "
        "консультування, послуга особи підтримки та інші соціальні послуги для мешканців, які "
        "потребують допомоги.",
        "provider": "Центр соціального забезпечення Кохтла-Ярве (Kohtla-Järve "
        "Sotsiaalhoolekandekeskus)",
    },
}

LOCATIONS = {  # by the Estonian name 0002 gave them
    "Narva Eesti Keele Maja": {
        "name": "Нарвський дім естонської мови",
        "address": "Лінда 2, Нарва",
    },
}


def tables(apps):
    """(model, the lookup that finds an item, its Ukrainian texts) for every item."""
    Service = apps.get_model("activities", "Service")
    Location = apps.get_model("activities", "Location")
    for slug, texts in SERVICES.items():
        yield Service, {"slug_et": slug}, texts
    for name, texts in LOCATIONS.items():
        yield Location, {"name_et": name}, texts


def is_empty(value):
    return value is None or not value.strip()


def write_ukrainian(apps, schema_editor):
    for model, lookup, texts in tables(apps):
        for item in model.objects.filter(**lookup):
            empty = {
                f"{field}_{LANGUAGE}": text
                for field, text in texts.items()
                if is_empty(getattr(item, f"{field}_{LANGUAGE}"))
            }
            if "slug_uk" in empty and model.objects.filter(slug_uk=empty["slug_uk"]).exists():
                del empty["slug_uk"]  # taken by an item staff made: saving the item fills one in
            if empty:
                model.objects.filter(pk=item.pk).update(**empty)


def remove_ukrainian(apps, schema_editor):
    for model, lookup, texts in tables(apps):
        for field, text in texts.items():
            empty = None if field == "slug" else ""
            model.objects.filter(**lookup, **{f"{field}_{LANGUAGE}": text}).update(
                **{f"{field}_{LANGUAGE}": empty}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0004_ukrainian_versions_and_attachments"),
        ("pages", "0009_ukrainian_content"),
    ]

    operations = [migrations.RunPython(write_ukrainian, remove_ukrainian)]
