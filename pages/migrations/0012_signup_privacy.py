"""The privacy notice's section on event sign-ups (issue 16): what a sign-up stores and why, who
sees it, how long it is kept, what the project's reports keep, the audit log, deleting one's own
sign-up and the sign-up form's cookie; in every
language, the Estonian text authoritative. The summary no longer says the site stores nothing.

As in 0008, a text is changed only where it is still exactly what the earlier migrations left
(0008 for Estonian, Russian and English, 0009 for Ukrainian): a text staff have edited is left as
they wrote it (they then add the section themselves). Reversing puts the earlier text back, again
only where the text is still this migration's.

The number of days is settings.SIGNUP_KEEP_DAYS's default; a test checks that they agree.
"""

import importlib

from django.db import migrations

initial = importlib.import_module("pages.migrations.0002_initial_content")
review = importlib.import_module("pages.migrations.0008_language_review")
ukrainian = importlib.import_module("pages.migrations.0009_ukrainian_content")
KEEP_DAYS = 30
SLUG = "privaatsus"
QUESTIONS = {
    "et": "<h2>Küsimused</h2>",
    "ru": "<h2>Вопросы</h2>",
    "en": "<h2>Questions</h2>",
    "uk": "<h2>Запитання</h2>",
}
SIGN_UPS = {
    "et": "<h2>Registreerumine sündmustele</h2>"
    "<p>Kui registreerute sündmusele, salvestame teie nime, e-posti aadressi või "
    "telefoninumbri, suhtluskeele, kaasa tulevate laste arvu, teie märgitud vajadused (näiteks "
    "tõlge või lapsehoid) ja sihtrühmad, kuhu ütlete end kuuluvat. Neid on vaja, et sündmust "
    "korraldada ning teile kinnitus saata ja teada anda, kui sündmus muutub või jääb ära.</p>"
    "<p>Teie nime ja kontaktandmeid näevad ainult projekti koordinaatorid linnavalitsuses. Iga "
    "kord, kui keegi neid vaatab või alla laadib, märgitakse auditilogisse, kes seda tegi ja "
    "millal.</p>"
    f"<p>{KEEP_DAYS} päeva pärast sündmuse lõppu kustutatakse teie nimi, e-posti aadress, "
    "telefoninumber ja vajadused. Alles jääb ainult see, mida projekt vajab aruandluseks: "
    "sündmus, keel, sihtrühmad, laste arv ja kas osalesite. Et lugeda kokku, mitu eri inimest "
    "projekti sündmustel osales, hoiame nendega koos pseudonüümset tunnust: see arvutatakse "
    "teie e-posti aadressist või telefoninumbrist enne nende kustutamist ja sellest ei saa "
    "aadressi ega numbrit tagasi arvutada. Aruannetes on ainult arvud, mitte nimed.</p>"
    "<p>Oma andmed saate igal ajal kustutada meie e-kirjades oleva lingiga.</p>"
    "<p>Registreerumisvorm salvestab küpsise <strong>csrftoken</strong>, mis kaitseb vormi "
    "võltsitud päringute eest; see on tehniliselt vajalik.</p>",
    "ru": "<h2>Запись на мероприятия</h2>"
    "<p>Если вы записываетесь на мероприятие, мы сохраняем ваше имя, адрес электронной почты "
    "или номер телефона, язык общения, число детей, которые придут с вами, отмеченные вами "
    "потребности (например, перевод или присмотр за детьми) и целевые группы, к которым вы себя "
    "относите. Это нужно, чтобы организовать мероприятие, отправить вам подтверждение и "
    "сообщить, если мероприятие изменится или будет отменено.</p>"
    "<p>Ваше имя и контактные данные видят только координаторы проекта в городской управе. "
    "Каждый раз, когда кто-то их просматривает или скачивает, в журнал аудита записывается, кто "
    "это сделал и когда.</p>"
    f"<p>Через {KEEP_DAYS} дней после окончания мероприятия ваше имя, адрес электронной почты, "
    "номер телефона и потребности удаляются. Остаётся только то, что нужно проекту для "
    "отчётности: мероприятие, язык, целевые группы, число детей и то, участвовали ли вы. Чтобы "
    "подсчитать, сколько разных людей участвовало в мероприятиях проекта, мы храним вместе с "
    "этими данными псевдонимный ключ: он вычисляется из вашего адреса электронной почты или "
    "номера телефона до их удаления, и по нему нельзя восстановить адрес или номер. В отчётах "
    "есть только числа, а не имена.</p>"
    "<p>Вы можете в любой момент удалить свои данные по ссылке в наших письмах.</p>"
    "<p>Форма записи сохраняет файл cookie <strong>csrftoken</strong>, который защищает её от "
    "поддельных запросов; он технически необходим.</p>",
    "en": "<h2>Signing up for events</h2>"
    "<p>When you sign up for an event, we store your name, your e-mail address or phone number, "
    "the language to contact you in, the number of children coming with you, the needs you tell "
    "us about (interpretation or childcare, for example) and the target groups you say you "
    "belong to. We need them to organise the event, to send you a confirmation and to let you "
    "know if the event changes or is cancelled.</p>"
    "<p>Only the project's coordinators at the City Government see your name and contact "
    "details. Each time someone views or downloads them, the audit log records who did it and "
    "when.</p>"
    f"<p>{KEEP_DAYS} days after the event ends, your name, e-mail address, phone number and "
    "needs are deleted. What stays is only what the project needs for its reports: the event, "
    "the language, the target groups, the number of children and whether you took part. To "
    "count how many different people took part in the project's events, we keep a "
    "pseudonymous key with them: it is computed from your e-mail address or phone number "
    "before they are deleted, and the address or number cannot be worked out from it. The "
    "reports contain only numbers, not names.</p>"
    "<p>You can delete your details at any time with the link in our e-mails.</p>"
    "<p>The sign-up form sets the <strong>csrftoken</strong> cookie, which protects it against "
    "forged requests; it is strictly necessary.</p>",
    "uk": "<h2>Реєстрація на заходи</h2>"
    "<p>Коли ви реєструєтеся на захід, ми зберігаємо ваше ім’я, адресу електронної пошти або "
    "номер телефону, мову спілкування, кількість дітей, які прийдуть із вами, зазначені вами "
    "потреби (наприклад, переклад або догляд за дітьми) і цільові групи, до яких ви себе "
    "відносите. Це потрібно, щоб організувати захід, надіслати вам підтвердження й повідомити, "
    "якщо захід зміниться або його скасують.</p>"
    "<p>Ваше ім’я та контактні дані бачать лише координатори проєкту в міській управі. Щоразу, "
    "коли хтось їх переглядає або завантажує, у журнал аудиту записується, хто це зробив і "
    "коли.</p>"
    f"<p>Через {KEEP_DAYS} днів після завершення заходу ваше ім’я, адресу електронної пошти, "
    "номер телефону й потреби буде видалено. Залишається лише те, що потрібно проєкту для "
    "звітності: захід, мова, цільові групи, кількість дітей і те, чи взяли ви участь. Щоб "
    "підрахувати, скільки різних людей узяли участь у заходах проєкту, ми зберігаємо разом із "
    "цими даними псевдонімний ключ: його обчислюють з вашої адреси електронної пошти або номера "
    "телефону до їх видалення, і з нього неможливо відновити адресу чи номер. У звітах є лише "
    "числа, а не імена.</p>"
    "<p>Ви можете будь-коли видалити свої дані за посиланням у наших листах.</p>"
    "<p>Форма реєстрації зберігає файл cookie <strong>csrftoken</strong>, який захищає її від "
    "підроблених запитів; він технічно необхідний.</p>",
}
SUMMARIES = {
    "et": "Mida see veebileht salvestab: külastajate kohta mitte midagi, sündmustele "
    "registreerujate kohta ainult vajaliku ja ainult piiratud ajaks.",
    "ru": "Что хранит этот сайт: о посетителях — ничего, о записавшихся на мероприятия — только "
    "необходимое и только ограниченное время.",
    "en": "What this website stores: nothing about its visitors, and about people who sign up "
    "for events only what is needed, for a limited time.",
    "uk": "Що зберігає цей вебсайт: про відвідувачів — нічого, про тих, хто реєструється на "
    "заходи, — лише необхідне й лише обмежений час.",
}


def earlier(field, language):
    """The text the earlier migrations left: 0009's Ukrainian, else 0008's, else 0002's."""
    if language == ukrainian.LANGUAGE:
        return ukrainian.PAGES[SLUG][field]
    corrected = review.PAGES[SLUG].get(field, {})
    if language in corrected:
        return corrected[language]
    return review.initial_item(initial.PAGES, review.page_key, SLUG)[field][language]


def changes():
    """(model, field, language, the earlier text, this migration's) for every language."""
    for language, section in SIGN_UPS.items():
        body = earlier("body", language)
        if body.count(QUESTIONS[language]) != 1:
            raise RuntimeError(f"{language}: the privacy notice's questions heading is not there")
        new_body = body.replace(QUESTIONS[language], section + QUESTIONS[language])
        yield "Page", "body", language, body, new_body
        yield "Page", "summary", language, earlier("summary", language), SUMMARIES[language]


def add_section(apps, schema_editor):
    review.replace_unchanged(apps, changes())


def remove_section(apps, schema_editor):
    review.replace_unchanged(
        apps, ((model, field, lang, new, old) for model, field, lang, old, new in changes())
    )


class Migration(migrations.Migration):
    dependencies = [("pages", "0011_scheduled_publishing")]

    operations = [migrations.RunPython(add_section, remove_section)]
