"""The language review's corrections (shared/reviews/language.md) to the initial content.

Each text is corrected only where it is still exactly as migration 0002 loaded it: a text staff
have changed since is left as they wrote it. Reversing puts back 0002's text, again only where
the text is still this migration's. Items are named by what 0002 gave them (a page by its
Estonian address, a target group by its code, a partner by its Estonian name, a contact by its
e-mail address); their old texts are read from 0002 itself, so no old text is copied here.
"""

import importlib

from django.db import migrations
from django.utils import timezone

initial = importlib.import_module("pages.migrations.0002_initial_content")
MAILTO = initial.MAILTO
SOURCE_LANGUAGE = "et"
PROJECT_TITLE = {
    "en": "Support for local governments in providing integration, including adaptation services",
}



def initial_item(items, key_of, key):
    return next(item for item in items if key_of(item) == key)


def page_key(item):
    return item["slug"]["et"]


def group_key(item):
    return item["code"]


def partner_key(item):
    return item["name"]["et"]


def edited(text, *replacements):
    """0002's text with some words replaced (each must be there)."""
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


PAGES = {
    "avaleht": {
        "summary": {
            "et": "Kohtla-Järve Linnavalitsuse projekt aitab uussisserändajatel, rahvusvahelise "
            "kaitse saajatel, erineva keele- ja kultuuritaustaga inimestel ning tagasipöördujatel "
            "Eestis kohaneda ja Eesti ühiskonda lõimuda.",
            "ru": "Проект Городской управы Кохтла-Ярве помогает новоприбывшим иммигрантам, "
            "получателям международной защиты, людям с разным языковым и культурным фоном, а "
            "также репатриантам адаптироваться в Эстонии и интегрироваться в эстонское общество.",
            "en": "This Kohtla-Järve City Government project helps newly arrived immigrants, "
            "recipients of international protection, people with a diverse linguistic and "
            "cultural background and repatriates to adapt to and integrate into Estonian "
            "society.",
        },
        "body": {
            "et": "<p>Projekti „Kohalike omavalitsuste toetamine lõimumise, sealhulgas kohanemise "
            "teenuste pakkumisel“ tegevused viiakse ellu Euroopa Liidu ühtekuuluvuspoliitika "
            "meetme 21.4.7.56 raames. Siit saate lugeda, kellele projekt on mõeldud, kes seda "
            "ellu viivad ja kellega ühendust võtta.</p>",
            "ru": "<p>Проект «Поддержка местных самоуправлений в предоставлении интеграционных, "
            "в том числе адаптационных услуг» реализуется в рамках меры 21.4.7.56 политики "
            "сплочённости Европейского союза. Здесь вы узнаете, для кого предназначен проект, "
            "кто его реализует и к кому обращаться.</p>",
            "en": f"<p>The project “{PROJECT_TITLE['en']}” is carried out under measure "
            "21.4.7.56 of the European Union’s cohesion policy. Here you can read who the "
            "project is for, who carries it out and whom to contact.</p>",
        },
    },
    "projekt": {
        "summary": {"en": f"Project “{PROJECT_TITLE['en']}”"},
        "body": {
            "ru": "<p>Городская управа Кохтла-Ярве и Союз городов и самоуправлений Эстонии "
            "(Eesti Linnade ja Valdade Liit) заключили партнёрское соглашение для реализации "
            "мероприятий в рамках меры 21.4.7.56 политики сплочённости Европейского союза "
            "«Поддержка местных самоуправлений в предоставлении услуг по интеграции и "
            "адаптации». Эти мероприятия помогают местным самоуправлениям предоставлять услуги "
            "по интеграции и адаптации новоприбывшим иммигрантам, получателям международной "
            "защиты, людям с разным языковым и культурным фоном, а также репатриантам.</p>"
            "<h2>Цель</h2>"
            "<p>Цель меры — повысить способность местных самоуправлений предоставлять "
            "эффективные услуги, помогая получателям международной защиты, новоприбывшим "
            "иммигрантам и другим целевым группам успешно адаптироваться в Эстонии и "
            "интегрироваться в эстонское общество.</p>"
            "<h2>Кто реализует проект</h2>"
            "<p>Орган, ответственный за реализацию меры, — Министерство культуры. "
            "Исполнительное учреждение — Государственный центр вспомогательных услуг (Riigi "
            "Tugiteenuste Keskus). Исполнитель мероприятия — Союз городов и самоуправлений "
            "Эстонии. Партнёры исполнителя — местные самоуправления.</p>",
            "en": "<p>The Kohtla-Järve City Government and the Association of Estonian Cities "
            "and Municipalities (AECM) have entered into a partnership agreement to carry out "
            "activities under measure 21.4.7.56 of the European Union’s cohesion policy, "
            "“Support for local governments in providing integration and adaptation services”. "
            "These activities help local governments provide integration and adaptation "
            "services to newly arrived immigrants, recipients of international protection, "
            "people with a diverse linguistic and cultural background, and repatriates.</p>"
            "<h2>Aim</h2>"
            "<p>The aim of the measure is to strengthen the capacity of local governments to "
            "provide effective services that help recipients of international protection, newly "
            "arrived immigrants and other target groups to adapt successfully to and integrate "
            "into Estonian society.</p>"
            "<h2>Who carries out the project</h2>"
            "<p>The body responsible for implementing the measure is the Ministry of Culture, "
            "and the implementing agency is the State Shared Services Centre (Riigi Tugiteenuste "
            "Keskus). The activity is implemented by the Association of Estonian Cities and "
            "Municipalities (AECM). Its partners are local governments.</p>",
        },
    },
    "sihtruhmad": {
        "summary": {
            "et": "Projekt on mõeldud neljale sihtrühmale. Inimene võib kuuluda ka mitmesse "
            "sihtrühma.",
        },
    },
    "partnerid": {
        "title": {"ru": "Партнёры и их роли"},
        "summary": {
            "et": "Kes projekti ellu viivad ja milline on nende roll.",
            "ru": "Кто реализует проект и какова роль каждого участника.",
            "en": "Who carries out the project and what each body does.",
        },
    },
    "ligipaasetavus": {
        "body": {
            "et": "<p>Kohtla-Järve Linnavalitsus soovib, et seda veebilehte saaksid kasutada kõik, "
            "ka need, kes kasutavad ekraanilugejat, ekraanisuurendit või ainult klaviatuuri. "
            "Veebileht vastab veebisisu ligipääsetavuse suuniste (WCAG) 2.2 AA-taseme nõuetele. "
            "Avaliku teabe seadus nõuab avaliku sektori veebilehtedelt ligipääsetavust.</p>"
            "<h2>Mida saate teha</h2>"
            "<ul><li>lugeda kogu sisu eesti, vene, inglise ja ukraina keeles;</li>"
            "<li>suurendada teksti kuni 200% nii, et midagi ei kao;</li>"
            "<li>kasutada kogu lehte, ka sihtrühma kontrolli, ainult klaviatuuriga;</li>"
            "<li>kasutada lehte ka ilma JavaScriptita ja kitsal telefoniekraanil.</li></ul>"
            "<h2>Teadaolevad puudused</h2>"
            "<p>Meile teadaolevalt puudusi ei ole. Kui leiate mõne, andke palun teada.</p>"
            "<h2>Andke teada ligipääsetavuse probleemist</h2>"
            f"<p>Kui te ei saa mõnda lehe osa kasutada, kirjutage aadressil {MAILTO}. Kirjutage, "
            "millisel lehel te olite ja mida püüdsite teha. Vastame esimesel võimalusel.</p>"
            "<h2>Järelevalve</h2>"
            "<p>Kui te ei ole vastusega rahul, võite pöörduda Tarbijakaitse ja Tehnilise "
            "Järelevalve Ameti poole, mis teeb järelevalvet avaliku sektori veebilehtede "
            "ligipääsetavuse üle.</p>",
            "ru": "<p>Городская управа Кохтла-Ярве хочет, чтобы этим сайтом могли пользоваться "
            "все, в том числе люди, которые работают с программой чтения с экрана, экранной "
            "лупой или только с клавиатурой. Сайт соответствует требованиям уровня AA "
            "Руководства по доступности веб-контента (WCAG) 2.2. Закон о публичной информации "
            "требует доступности от сайтов публичного сектора.</p>"
            "<h2>Что вы можете делать</h2>"
            "<ul><li>читать всё содержание на эстонском, русском, английском и украинском "
            "языках;</li>"
            "<li>увеличивать текст до 200% без потери содержания;</li>"
            "<li>пользоваться всем сайтом, в том числе проверкой целевой группы, только с "
            "клавиатуры;</li>"
            "<li>пользоваться сайтом без JavaScript и на узком экране телефона.</li></ul>"
            "<h2>Известные недостатки</h2>"
            "<p>Нам неизвестно о каких-либо недостатках. Если вы обнаружите недостаток, "
            "пожалуйста, сообщите нам.</p>"
            "<h2>Сообщите о проблеме с доступностью</h2>"
            "<p>Если вы не можете воспользоваться какой-либо частью сайта, напишите по адресу "
            f"{MAILTO}. Укажите, на какой странице вы были и что пытались сделать. Мы ответим "
            "при первой возможности.</p>"
            "<h2>Надзор</h2>"
            "<p>Если ответ вас не устроит, вы можете обратиться в Департамент защиты прав "
            "потребителей и технического надзора (Tarbijakaitse ja Tehnilise Järelevalve Amet), "
            "который осуществляет надзор за доступностью сайтов публичного сектора.</p>",
            "en": edited(
                initial_item(initial.PAGES, page_key, "ligipaasetavus")["body"]["en"],
                (
                    "Kohtla-Järve City Government wants everyone to be able to use this website, "
                    "including with a screen reader, a screen magnifier or a keyboard alone. The "
                    "website is built to meet level AA of the Web Content Accessibility Guidelines "
                    "(WCAG) 2.2, as the Public Information Act requires of public-sector websites.",
                    "The Kohtla-Järve City Government wants everyone to be able to use this "
                    "website, including people who use a screen reader, a screen magnifier or "
                    "only a keyboard. The website meets level AA of the Web Content Accessibility "
                    "Guidelines (WCAG) 2.2. The Public Information Act requires public-sector "
                    "websites to be accessible.",
                ),
                (
                    "read all content in Estonian, Russian and English;",
                    "read all content in Estonian, Russian, English and Ukrainian;",
                ),
            ),
        },
    },
    "privaatsus": {
        "title": {"ru": "Защита персональных данных"},
        "body": {
            "et": edited(
                initial_item(initial.PAGES, page_key, "privaatsus")["body"]["et"],
                ("sotsiaalmeedia nuppe", "sotsiaalmeedianuppe"),
                (
                    "Külastajale ei salvesta see leht ühtegi küpsist.",
                    "See veebileht ei salvesta külastaja seadmesse ühtegi küpsist.",
                ),
                ("sisse logituna", "sisselogituna"),
                ("Küsimuste korral kirjutage <a", "Küsimuste korral kirjutage aadressil <a"),
            ),
            "ru": "<p>Этот сайт не отслеживает посетителей. Мы не используем аналитику, рекламу "
            "или кнопки социальных сетей и ничего не загружаем с серверов других компаний.</p>"
            "<h2>Файлы cookie</h2>"
            "<p>Этот сайт не сохраняет на устройствах посетителей никаких файлов cookie. Файлы "
            "cookie используют только сотрудники городской управы, которые редактируют "
            "содержание: <strong>sessionid</strong> позволяет им оставаться в системе, а "
            "<strong>csrftoken</strong> защищает формы административного интерфейса от "
            "поддельных запросов. Оба файла технически необходимы.</p>"
            "<h2>Проверка целевой группы</h2>"
            "<p>Ответы, которые вы даёте при проверке целевой группы, не сохраняются, не "
            "записываются в журналы и не попадают в адрес страницы. Результат рассчитывается "
            "сразу и нигде не сохраняется.</p>"
            "<h2>Журналы сервера</h2>"
            "<p>Для обеспечения безопасности и поиска ошибок сервер записывает время запроса, "
            "адрес открытой страницы и статус ответа. IP-адреса и содержание форм в журналы не "
            "записываются.</p>"
            "<h2>Вопросы</h2>"
            "<p>Ответственный обработчик — Городская управа Кохтла-Ярве. С вопросами "
            f"обращайтесь по адресу {MAILTO}.</p>",
        },
    },
}
PAGES["privaatsus"]["body"]["en"] = edited(
    initial_item(initial.PAGES, page_key, "privaatsus")["body"]["en"],
    (
        "The controller is Kohtla-Järve City Government.",
        "The controller is the Kohtla-Järve City Government.",
    ),
)

TARGET_GROUPS = {
    "international_protection": {
        "summary": {
            "ru": "Беженцы, а также получатели дополнительной или временной защиты, имеющие вид "
            "на жительство в Эстонии.",
            "en": "Refugees and people granted subsidiary or temporary protection who hold an "
            "Estonian residence permit.",
        },
        "body": {
            "ru": "<p>Получатель международной защиты — иностранец, который признан беженцем, "
            "получателем дополнительной защиты или получателем временной защиты и которому "
            "выдан вид на жительство в Эстонии.</p>",
            "en": "<p>A recipient of international protection is a foreigner who has been "
            "recognised as a refugee or granted subsidiary or temporary protection and has been "
            "given an Estonian residence permit.</p>",
        },
    },
    "new_immigrant": {
        "summary": {
            "et": "Välismaalased, Euroopa Liidu kodanikud ja nende perekonnaliikmed, kes on "
            "tähtajalise elamisloa või elamisõiguse alusel Eestis seaduslikult elanud vähem kui "
            "viis aastat.",
            "ru": "Иностранцы, граждане Европейского союза и члены их семей, которые законно "
            "проживают в Эстонии менее пяти лет на основании временного вида на жительство или "
            "временного права на проживание.",
            "en": "Foreigners, EU citizens and their family members who have lived in Estonia "
            "legally for less than five years with a temporary residence permit or temporary "
            "right of residence.",
        },
        "body": {
            "ru": "<p>Новоприбывший иммигрант — это законно проживающий в Эстонии менее пяти "
            "лет:</p>"
            "<ul><li>иностранец, получивший временный вид на жительство в Эстонии на основании "
            "Закона об иностранцах или Закона о предоставлении международной защиты "
            "иностранцам;</li>"
            "<li>гражданин Европейского союза, получивший временное право на проживание в "
            "Эстонии на основании Закона о гражданине Европейского союза;</li>"
            "<li>член семьи гражданина ЕС, получивший временное право на проживание в Эстонии "
            "на основании Закона о гражданине Европейского союза.</li></ul>",
            "en": edited(
                initial_item(initial.TARGET_GROUPS, group_key, "new_immigrant")["body"]["en"],
                (
                    "A newly arrived immigrant is a foreigner who has legally resided in Estonia "
                    "for less than five years, specifically:",
                    "A newly arrived immigrant is any of the following who has lived in Estonia "
                    "legally for less than five years:",
                ),
            ),
        },
    },
    "diverse_background": {
        "summary": {
            "et": "Inimesed, kes on Eestis seaduslikult elanud üle viie aasta ja kes on saanud "
            "Eesti kodakondsuse naturalisatsiooni korras, on määratlemata või muu riigi "
            "kodakondsusega.",
            "ru": "Люди, которые законно проживают в Эстонии более пяти лет и получили "
            "гражданство Эстонии в порядке натурализации, имеют неопределённое гражданство или "
            "являются гражданами другого государства.",
            "en": "People who have lived in Estonia legally for more than five years and are "
            "naturalised Estonian citizens, people with undetermined citizenship or citizens of "
            "another country.",
        },
        "body": {
            "ru": "<p>К группе «Люди с разным языковым и культурным фоном» относится лицо, "
            "которое законно проживает в Эстонии более пяти лет и при этом получило гражданство "
            "Эстонии в порядке натурализации, имеет неопределённое гражданство или является "
            "гражданином другого государства.</p>",
            "en": "<p>A person with a diverse linguistic and cultural background is someone who "
            "has lived in Estonia legally for more than five years and who is a naturalised "
            "Estonian citizen, has undetermined citizenship or is a citizen of another "
            "country.</p>",
        },
    },
    "repatriate": {
        "summary": {
            "et": "Täiskasvanud Eesti kodanikud, kes on viimase kaheksa kuu jooksul Eestisse "
            "püsivalt naasnud ja registreerinud oma elukoha rahvastikuregistris.",
            "ru": "Совершеннолетние граждане Эстонии, которые в течение последних восьми месяцев "
            "вернулись в Эстонию на постоянное жительство и зарегистрировали место жительства в "
            "Регистре народонаселения.",
            "en": "Adult Estonian citizens who have returned to live in Estonia permanently "
            "within the last eight months and have registered their residence in the population "
            "register.",
        },
        "body": {
            "ru": "<p>Репатриант — это совершеннолетний гражданин Эстонии, который вернулся в "
            "Эстонию на постоянное жительство в течение последних восьми месяцев и "
            "зарегистрировал место жительства в Регистре народонаселения Эстонии.</p>",
            "en": "<p>A repatriate is an adult Estonian citizen who has returned to Estonia for "
            "permanent residence within the last eight months and has registered their place of "
            "residence in the Estonian population register.</p>",
        },
    },
}

PARTNERS = {
    "Kohtla-Järve Linnavalitsus": {
        "role": {
            "et": "Eesti Linnade ja Valdade Liiduga sõlmitud partnerluslepingu osapool",
            "ru": "Сторона партнёрского соглашения с Союзом городов и самоуправлений Эстонии",
            "en": "Party to the partnership agreement with the Association of Estonian Cities "
            "and Municipalities",
        },
    },
    "Eesti Linnade ja Valdade Liit": {
        "name": {"ru": "Союз городов и самоуправлений Эстонии (Eesti Linnade ja Valdade Liit)"},
        "role": {"ru": "Исполнитель мероприятия", "en": "Implementer of the activity"},
    },
    "Kohalikud omavalitsused": {"role": {"ru": "Партнёры исполнителя"}},
    "Kultuuriministeerium": {"role": {"ru": "Орган, ответственный за реализацию меры"}},
}


def corrections():
    """(model name, field, language, 0002's text, the corrected text) for every correction."""
    tables = [
        ("Page", PAGES, initial.PAGES, page_key),
        ("TargetGroup", TARGET_GROUPS, initial.TARGET_GROUPS, group_key),
        ("Partner", PARTNERS, initial.PARTNERS, partner_key),
    ]
    for model, fixes, items, key_of in tables:
        for key, fields in fixes.items():
            old_item = initial_item(items, key_of, key)
            for field, texts in fields.items():
                for language, new in texts.items():
                    old = old_item[field][language]
                    assert old != new, (model, key, field, language)
                    yield model, field, language, old, new


def replace_unchanged(apps, old_and_new):
    """Replace each text that is still `old` by `new`: in the language's column and, for the
    source language, in the untranslated column modeltranslation keeps beside it."""
    now = timezone.now()
    for model_name, field, language, old, new in old_and_new:
        model = apps.get_model("pages", model_name)
        columns = [f"{field}_{language}"] + ([field] if language == SOURCE_LANGUAGE else [])
        for column in columns:
            model.objects.filter(**{column: old}).update(**{column: new, "updated_at": now})


def correct(apps, schema_editor):
    replace_unchanged(apps, corrections())


def put_back(apps, schema_editor):
    replace_unchanged(
        apps, ((model, field, lang, new, old) for model, field, lang, old, new in corrections())
    )


class Migration(migrations.Migration):
    dependencies = [("pages", "0007_ukrainian_fields")]

    operations = [migrations.RunPython(correct, put_back)]
