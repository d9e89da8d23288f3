"""The content in Ukrainian, translated from the Estonian (the authoritative text, as corrected
by 0006), for the recipients of temporary protection in Kohtla-Järve, most of whom read it.

Terms are those Ukrainian public services and Estonia's own Ukrainian pages use: «посвідка на
проживання» (elamisluba), «тимчасовий захист», «невизначене громадянство», «проєкт» (the 2019
orthography), «Реєстр народонаселення». Addresses are the titles romanised by the national
system of the Cabinet of Ministers' resolution No. 55 of 2010 (pages.slugs; a test checks each).

Items that are not in this migration (made by staff) get their Ukrainian address after
`migrate` (pages.apps fills every empty address). A text is written only where the Ukrainian one
is still empty, so a Ukrainian text staff wrote
before this migration ran stays as it is; reversing empties only the texts that are still this
migration's.
"""

import importlib

from django.db import migrations

initial = importlib.import_module("pages.migrations.0002_initial_content")
MAILTO = initial.MAILTO
LANGUAGE = "uk"
PROJECT_TITLE = (
    "Підтримка органів місцевого самоврядування в наданні послуг з інтеграції, зокрема адаптації"
)
MEASURE_TITLE = (
    "Підтримка органів місцевого самоврядування в наданні послуг з інтеграції та адаптації"
)
CITY = "Міська управа Кохтла-Ярве"
ASSOCIATION = "Союз міст і самоврядувань Естонії"

PAGES = {  # by the Estonian address 0002 gave them
    "avaleht": {
        "slug": "holovna",
        "title": "Послуги з інтеграції та адаптації в Кохтла-Ярве",
        "summary": "Проєкт Міської управи Кохтла-Ярве допомагає новоприбулим іммігрантам, "
        "отримувачам міжнародного захисту, людям з іншим мовним і культурним походженням, а "
        "також репатріантам адаптуватися в Естонії та інтегруватися в естонське суспільство.",
        "body": f"<p>Діяльність проєкту «{PROJECT_TITLE}» здійснюється в межах заходу 21.4.7.56 "
        "політики згуртованості Європейського Союзу. Тут ви можете дізнатися, для кого "
        "призначений проєкт, хто його реалізує і до кого звертатися.</p>",
    },
    "projekt": {
        "slug": "proiekt",
        "title": "Проєкт",
        "summary": f"Проєкт «{PROJECT_TITLE}»",
        "body": f"<p>{CITY} та {ASSOCIATION} (Eesti Linnade ja Valdade Liit) уклали "
        "партнерську угоду, щоб у межах заходу 21.4.7.56 політики згуртованості Європейського "
        f"Союзу «{MEASURE_TITLE}» здійснювати діяльність, яка допомагає органам місцевого "
        "самоврядування надавати послуги з інтеграції та адаптації новоприбулим іммігрантам, "
        "отримувачам міжнародного захисту, людям з іншим мовним і культурним походженням, а "
        "також репатріантам.</p>"
        "<h2>Мета</h2>"
        "<p>Мета заходу — підвищити спроможність органів місцевого самоврядування надавати "
        "ефективні послуги, допомагаючи отримувачам міжнародного захисту, новоприбулим "
        "іммігрантам та іншим цільовим групам успішно адаптуватися та інтегруватися в "
        "естонське суспільство.</p>"
        "<h2>Хто реалізує проєкт</h2>"
        "<p>Орган, відповідальний за впровадження заходу, — Міністерство культури, виконавчий "
        "орган — Державний центр допоміжних послуг (Riigi Tugiteenuste Keskus). Виконавець "
        f"діяльності — {ASSOCIATION}. Партнери виконавця — органи місцевого "
        "самоврядування.</p>",
    },
    "sihtruhmad": {
        "slug": "tsilovi-hrupy",
        "title": "Цільові групи",
        "summary": "Проєкт призначений для чотирьох цільових груп. Людина може належати й до "
        "кількох цільових груп.",
        "body": "",
    },
    "partnerid": {
        "slug": "partnery-ta-yikhni-roli",
        "title": "Партнери та їхні ролі",
        "summary": "Хто реалізує проєкт і яка роль кожного учасника.",
        "body": "",
    },
    "kontaktid": {
        "slug": "kontakty",
        "title": "Контакти",
        "summary": "З питаннями про проєкт звертайтеся до керівника проєкту від Міської управи "
        "Кохтла-Ярве.",
        "body": "",
    },
    "ligipaasetavus": {
        "slug": "zaiava-pro-dostupnist",
        "title": "Заява про доступність",
        "summary": "Як користуватися цим вебсайтом і як повідомити, якщо щось не працює.",
        "body": f"<p>{CITY} прагне, щоб цим вебсайтом могли користуватися всі, зокрема люди, "
        "які користуються програмою зчитування з екрана, екранною лупою або лише клавіатурою. "
        "Вебсайт відповідає вимогам рівня AA Настанов з доступності вебвмісту (WCAG) 2.2. "
        "Закон про публічну інформацію вимагає, щоб вебсайти публічного сектору були "
        "доступними.</p>"
        "<h2>Що ви можете робити</h2>"
        "<ul><li>читати весь вміст естонською, російською, англійською та українською "
        "мовами;</li>"
        "<li>збільшувати текст до 200% без втрати вмісту;</li>"
        "<li>користуватися всім вебсайтом, зокрема перевіркою цільової групи, лише за "
        "допомогою клавіатури;</li>"
        "<li>користуватися вебсайтом без JavaScript і на вузькому екрані телефону.</li></ul>"
        "<h2>Відомі недоліки</h2>"
        "<p>Нам невідомо про жодні недоліки. Якщо ви виявите недолік, повідомте нам, будь "
        "ласка.</p>"
        "<h2>Повідомте про проблему з доступністю</h2>"
        "<p>Якщо ви не можете скористатися якоюсь частиною вебсайту, напишіть на адресу "
        f"{MAILTO}. Зазначте, на якій сторінці ви були і що намагалися зробити. Ми відповімо "
        "за першої можливості.</p>"
        "<h2>Нагляд</h2>"
        "<p>Якщо відповідь вас не влаштовує, ви можете звернутися до Департаменту захисту прав "
        "споживачів і технічного нагляду (Tarbijakaitse ja Tehnilise Järelevalve Amet), який "
        "здійснює нагляд за доступністю вебсайтів публічного сектору.</p>",
    },
    "privaatsus": {
        "slug": "zakhyst-personalnykh-danykh",
        "title": "Захист персональних даних",
        "summary": "Що зберігає цей вебсайт: про відвідувачів — нічого.",
        "body": "<p>Цей вебсайт не відстежує відвідувачів. Ми не використовуємо аналітику, "
        "рекламу чи кнопки соціальних мереж і нічого не завантажуємо із серверів інших "
        "компаній.</p>"
        "<h2>Файли cookie</h2>"
        "<p>Цей вебсайт не зберігає на пристроях відвідувачів жодних файлів cookie. Файли "
        "cookie використовують лише працівники міської управи, які редагують вміст: "
        "<strong>sessionid</strong> дає їм змогу залишатися в системі, а "
        "<strong>csrftoken</strong> захищає форми адміністративного інтерфейсу від підроблених "
        "запитів. Обидва файли технічно необхідні.</p>"
        "<h2>Перевірка цільової групи</h2>"
        "<p>Відповіді, які ви даєте під час перевірки цільової групи, не зберігаються, не "
        "записуються в журнали й не потрапляють в адресу сторінки. Результат обчислюється "
        "одразу й ніде не зберігається.</p>"
        "<h2>Журнали сервера</h2>"
        "<p>Для забезпечення безпеки та пошуку помилок сервер записує час запиту, адресу "
        "відкритої сторінки та статус відповіді. IP-адреси та вміст форм у журнали не "
        "записуються.</p>"
        "<h2>Запитання</h2>"
        f"<p>Відповідальний за обробку даних — {CITY}. Із запитаннями звертайтеся на адресу "
        f"{MAILTO}.</p>",
    },
}

TARGET_GROUPS = {  # by their code
    "international_protection": {
        "slug": "otrymuvachi-mizhnarodnoho-zakhystu",
        "title": "Отримувачі міжнародного захисту",
        "summary": "Біженці та отримувачі додаткового або тимчасового захисту, які мають "
        "естонську посвідку на проживання.",
        "body": "<p>Отримувач міжнародного захисту — іноземець, якого визнано біженцем, "
        "отримувачем додаткового захисту або отримувачем тимчасового захисту і якому видано "
        "естонську посвідку на проживання.</p>",
    },
    "new_immigrant": {
        "slug": "novoprybuli-immihranty",
        "title": "Новоприбулі іммігранти",
        "summary": "Іноземці, громадяни Європейського Союзу та члени їхніх сімей, які законно "
        "проживають в Естонії менше ніж п’ять років на підставі тимчасової посвідки на "
        "проживання або тимчасового права на проживання.",
        "body": "<p>Новоприбулий іммігрант — це той, хто законно проживає в Естонії менше ніж "
        "п’ять років:</p>"
        "<ul><li>іноземець, якому видано естонську тимчасову посвідку на проживання на "
        "підставі, передбаченій Законом про іноземців або Законом про надання іноземцям "
        "міжнародного захисту;</li>"
        "<li>громадянин Європейського Союзу, який набув в Естонії тимчасового права на "
        "проживання на підставі, передбаченій Законом про громадянина Європейського Союзу;</li>"
        "<li>член сім’ї громадянина Європейського Союзу, якому надано в Естонії тимчасове право "
        "на проживання на підставі, передбаченій Законом про громадянина Європейського "
        "Союзу.</li></ul>",
    },
    "diverse_background": {
        "slug": "liudy-z-inshym-movnym-i-kulturnym-pokhodzhenniam",
        "title": "Люди з іншим мовним і культурним походженням",
        "summary": "Люди, які законно проживають в Естонії понад п’ять років і отримали "
        "громадянство Естонії в порядку натуралізації, мають невизначене громадянство або "
        "громадянство іншої держави.",
        "body": "<p>Людина з іншим мовним і культурним походженням — це особа, яка понад п’ять "
        "років законно перебуває в Естонії та отримала громадянство Естонії в порядку "
        "натуралізації, має невизначене громадянство або громадянство іншої держави.</p>",
    },
    "repatriate": {
        "slug": "repatrianty",
        "title": "Репатріанти",
        "summary": "Повнолітні громадяни Естонії, які протягом останніх восьми місяців "
        "повернулися до Естонії на постійне проживання і зареєстрували своє місце проживання в "
        "Реєстрі народонаселення.",
        "body": "<p>Репатріант — це повнолітня особа, яка має громадянство Естонії, протягом "
        "останніх восьми місяців повернулася до Естонії на постійне проживання і "
        "зареєструвала своє місце проживання в Реєстрі народонаселення Естонії.</p>",
    },
}

PARTNERS = {  # by the Estonian name 0002 gave them
    "Kohtla-Järve Linnavalitsus": {
        "name": CITY,
        "role": "Сторона партнерської угоди із Союзом міст і самоврядувань Естонії",
    },
    "Eesti Linnade ja Valdade Liit": {
        "name": f"{ASSOCIATION} (Eesti Linnade ja Valdade Liit)",
        "role": "Виконавець діяльності",
    },
    "Kohalikud omavalitsused": {
        "name": "Органи місцевого самоврядування",
        "role": "Партнери виконавця",
    },
    "Kultuuriministeerium": {
        "name": "Міністерство культури",
        "role": "Орган, відповідальний за впровадження заходу",
    },
    "Riigi Tugiteenuste Keskus": {
        "name": "Державний центр допоміжних послуг (Riigi Tugiteenuste Keskus)",
        "role": "Виконавчий орган заходу",
    },
}

CONTACTS = {  # by their e-mail address
    initial.CONTACT_EMAIL: {"position": "Керівник проєкту", "organisation": CITY},
}


def tables(apps):
    """(model, the lookup that finds an item, its Ukrainian texts) for every item."""
    Page, TargetGroup = apps.get_model("pages", "Page"), apps.get_model("pages", "TargetGroup")
    Partner, Contact = apps.get_model("pages", "Partner"), apps.get_model("pages", "Contact")
    for slug, texts in PAGES.items():
        yield Page, {"slug_et": slug}, texts
    for code, texts in TARGET_GROUPS.items():
        yield TargetGroup, {"code": code}, texts
    for name, texts in PARTNERS.items():
        yield Partner, {"name_et": name}, texts
    for email, texts in CONTACTS.items():
        yield Contact, {"email": email}, texts


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
                del empty["slug_uk"]  # taken by an item staff made: the model fills one in
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
    dependencies = [("pages", "0008_language_review")]

    operations = [migrations.RunPython(write_ukrainian, remove_ukrainian)]
