"""The privacy notice says what a sign-up for an event stores, why and for how long: a section
before its "Questions" heading in each language, and a summary that no longer says "nothing".

Written only where the notice still has its original text (staff may have rewritten it);
reversing removes only this section.
"""

from django.db import migrations

SLUG = "privaatsus"  # the notice's slug in the source language (pages 0002)
SECTION = {
    "et": "<h2>Üritustele registreerumine</h2>"
    "<p>Kui registreerute üritusele, salvestame teie nime, e-posti aadressi või telefoninumbri, "
    "keele, milles soovite, et teile kirjutaksime, kaasas olevate laste arvu ning vajadused ja "
    "sihtrühmad, mille märkisite. Kasutame neid, et hoida teie kohta, kirjutada teile ürituse "
    "kohta (kinnitus, muudatused, meeldetuletus päev enne) ja lugeda anonüümselt, keda projekt "
    "jõuab. Sihtrühma kontrolli vastuseid ei salvestata, ainult teie märgitud rühmad.</p>"
    "<p>Teie nimi, kontaktid ja vajadused kustutatakse 30 päeva pärast üritust. Alles jääb "
    "ainult anonüümne teave: inimeste arv, nende keeled ja sihtrühmad. Oma andmed saate igal "
    "ajal kustutada meie e-kirjades oleva lingiga. Nimesid ja kontakte näevad ainult üritusi "
    "korraldavad linna töötajad.</p>"
    "<p>Registreerumisvorm salvestab küpsise <strong>csrftoken</strong>, mis kaitseb vormi "
    "võltsitud päringute eest; see on tehniliselt vajalik.</p>",
    "ru": "<h2>Запись на мероприятия</h2>"
    "<p>Когда вы записываетесь на мероприятие, мы храним ваше имя, адрес электронной почты или "
    "номер телефона, язык, на котором вам писать, число сопровождающих детей, а также "
    "отмеченные вами потребности и целевые группы. Мы используем их, чтобы сохранить за вами "
    "место, писать вам о мероприятии (подтверждение, изменения, напоминание накануне) и "
    "анонимно считать, кого охватывает проект. Ответы проверки целевой группы не хранятся, "
    "только отмеченные вами группы.</p>"
    "<p>Ваше имя, контакты и потребности удаляются через 30 дней после мероприятия. Остаются "
    "только анонимные сведения: число людей, их языки и целевые группы. Вы можете в любой "
    "момент удалить свои данные по ссылке в наших письмах. Имена и контакты видят только "
    "сотрудники города, которые организуют мероприятия.</p>"
    "<p>Форма записи сохраняет файл cookie <strong>csrftoken</strong>, который защищает её от "
    "поддельных запросов; он технически необходим.</p>",
    "en": "<h2>Signing up for an event</h2>"
    "<p>When you sign up for an event, we store your name, your e-mail address or phone "
    "number, the language you want us to write in, the number of accompanying children, and "
    "the needs and target groups you ticked. We use them to keep your place, to write to you "
    "about the event (the confirmation, changes, a reminder the day before) and to count "
    "anonymously who the project reaches. The target group check's answers are not stored; "
    "only the groups you tick are.</p>"
    "<p>Your name, contacts and needs are deleted 30 days after the event. What remains is "
    "anonymous: the number of people, their languages and target groups. You can delete your "
    "details at any time with the link in our e-mails. Only the city staff who organise the "
    "events see names and contacts.</p>"
    "<p>The sign-up form sets the <strong>csrftoken</strong> cookie, which protects it against "
    "forged requests; it is strictly necessary.</p>",
    "uk": "<h2>Реєстрація на заходи</h2>"
    "<p>Коли ви реєструєтеся на захід, ми зберігаємо ваше ім’я, адресу електронної пошти або "
    "номер телефону, мову, якою вам писати, кількість дітей, які будуть з вами, а також "
    "позначені вами потреби й цільові групи. Ми використовуємо їх, щоб зберегти за вами місце, "
    "писати вам про захід (підтвердження, зміни, нагадування напередодні) й анонімно "
    "рахувати, кого охоплює проєкт. Відповіді перевірки цільової групи не зберігаються, лише "
    "позначені вами групи.</p>"
    "<p>Ваше ім’я, контакти й потреби видаляються через 30 днів після заходу. Залишаються лише "
    "анонімні дані: кількість людей, їхні мови та цільові групи. Ви можете будь-коли видалити "
    "свої дані за посиланням у наших листах. Імена й контакти бачать лише працівники міської "
    "управи, які організовують заходи.</p>"
    "<p>Форма реєстрації зберігає файл cookie <strong>csrftoken</strong>, який захищає її від "
    "підроблених запитів; він технічно необхідний.</p>",
}
BEFORE = {
    "et": "<h2>Küsimused</h2>",
    "ru": "<h2>Вопросы</h2>",
    "en": "<h2>Questions</h2>",
    "uk": "<h2>Запитання</h2>",
}


def notice(apps):
    Page = apps.get_model("pages", "Page")
    return Page.objects.filter(slug_et=SLUG).first()


def add_section(apps, schema_editor):
    page = notice(apps)
    if page is None:
        return
    for language, section in SECTION.items():
        field = f"body_{language}"
        body = getattr(page, field) or ""
        if BEFORE[language] in body and section not in body:
            setattr(page, field, body.replace(BEFORE[language], section + BEFORE[language], 1))
    page.save()


def remove_section(apps, schema_editor):
    page = notice(apps)
    if page is None:
        return
    for language, section in SECTION.items():
        field = f"body_{language}"
        setattr(page, field, (getattr(page, field) or "").replace(section, ""))
    page.save()


class Migration(migrations.Migration):
    dependencies = [
        ("signup", "0002_reminders_and_links"),
        ("pages", "0010_public_languages"),
    ]
    operations = [migrations.RunPython(add_section, remove_section)]
