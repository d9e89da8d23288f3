"""The site's initial content in Estonian, Russian and English, from the project's public
description (docs/sources/project-description.txt; the Estonian text is authoritative).

A data migration runs once per database, so it never overwrites what staff later edit, and
running `migrate` again changes nothing. Dates and the measure number are shown from
eligibility.parameters by the templates, not repeated in these texts where avoidable.
"""

from django.db import migrations

CONTACT_EMAIL = "vitali.ljubimov@kjlv.ee"
MAILTO = f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>'

PAGES = [
    {
        "kind": "home",
        "ordering": 0,
        "slug": {"et": "avaleht", "ru": "glavnaya", "en": "home"},
        "title": {
            "et": "Lõimumis- ja kohanemisteenused Kohtla-Järvel",
            "ru": "Интеграционные и адаптационные услуги в Кохтла-Ярве",
            "en": "Integration and adaptation services in Kohtla-Järve",
        },
        "summary": {
            "et": "Kohtla-Järve Linnavalitsuse projekt aitab uussisserändajatel, rahvusvahelise "
            "kaitse saajatel, erineva keele- ja kultuuritaustaga inimestel ning tagasipöördujatel "
            "Eesti ühiskonnas kohaneda ja lõimuda.",
            "ru": "Проект Городской управы Кохтла-Ярве помогает новоприбывшим иммигрантам, "
            "получателям международной защиты, людям с разным языковым и культурным фоном, а "
            "также репатриантам адаптироваться и интегрироваться в эстонское общество.",
            "en": "A Kohtla-Järve City Government project that helps newly arrived immigrants, "
            "recipients of international protection, people from diverse linguistic and cultural "
            "backgrounds and repatriates to adapt to and integrate into Estonian society.",
        },
        "body": {
            "et": "<p>Projekti „Kohalike omavalitsuste toetamine lõimumise, sealhulgas kohanemise "
            "teenuste pakkumisel“ rahastatakse Euroopa Liidu ühtekuuluvuspoliitika vahenditest. "
            "Siit saate lugeda, kellele projekt on mõeldud, kes seda ellu viivad ja kellega "
            "ühendust võtta.</p>",
            "ru": "<p>Проект «Поддержка местных самоуправлений в предоставлении интеграционных, "
            "в том числе адаптационных услуг» финансируется из средств политики сплоченности "
            "Европейского Союза. Здесь вы узнаете, для кого предназначен проект, кто его "
            "реализует и к кому обращаться.</p>",
            "en": "<p>The project “Support for Local Governments in Providing Integration, "
            "including Adaptation Services” is funded by the European Union’s cohesion policy. "
            "Here you can read whom the project is for, who carries it out and whom to "
            "contact.</p>",
        },
    },
    {
        "kind": "project",
        "ordering": 10,
        "in_navigation": True,
        "slug": {"et": "projekt", "ru": "proekt", "en": "project"},
        "title": {"et": "Projekt", "ru": "Проект", "en": "The project"},
        "summary": {
            "et": "Projekt „Kohalike omavalitsuste toetamine lõimumise, sealhulgas kohanemise "
            "teenuste pakkumisel“",
            "ru": "Проект «Поддержка местных самоуправлений в предоставлении интеграционных, "
            "в том числе адаптационных услуг»",
            "en": "Project “Support for Local Governments in Providing Integration, including "
            "Adaptation Services”",
        },
        "body": {
            "et": "<p>Kohtla-Järve Linnavalitsus ja Eesti Linnade ja Valdade Liit on sõlminud "
            "partnerluslepingu, et viia ellu Euroopa Liidu ühtekuuluvuspoliitika meetme "
            "21.4.7.56 „Kohalike omavalitsuste toetamine lõimumise ja kohanemise teenuste "
            "pakkumisel“ raames tegevusi, mis aitavad kohalikel omavalitsustel pakkuda lõimumise "
            "ja kohanemise teenuseid uussisserändajatele, rahvusvahelise kaitse saajatele, "
            "erineva keele- ja kultuuritaustaga inimestele ning tagasipöördujatele.</p>"
            "<h2>Eesmärk</h2>"
            "<p>Meetme eesmärk on suurendada kohalike omavalitsuste suutlikkust pakkuda "
            "tõhusaid teenuseid, aidates rahvusvahelise kaitse saajaid, uussisserändajaid ja "
            "teisi sihtrühmi edukalt kohaneda ja lõimuda Eesti ühiskonda.</p>"
            "<h2>Kes projekti ellu viivad</h2>"
            "<p>Meetme rakendusasutus on Kultuuriministeerium ja rakendusüksus Riigi "
            "Tugiteenuste Keskus. Tegevuse elluviija on Eesti Linnade ja Valdade Liit. Elluviija "
            "partnerid on kohalikud omavalitsused.</p>",
            "ru": "<p>Городская управа Кохтла-Ярве и Союз Городов и Самоуправлений Эстонии "
            "(Eesti Linnade ja Valdade Liit) заключили партнерское соглашение для реализации "
            "мероприятий в рамках меры 21.4.7.56 политики сплоченности Европейского Союза — "
            "«Поддержка местных самоуправлений в предоставлении интеграционных, в том числе "
            "адаптационных услуг», направленных на помощь местным самоуправлениям в оказании "
            "таких услуг новоприбывшим иммигрантам, получателям международной защиты, людям с "
            "разным языковым и культурным фоном, а также репатриантам.</p>"
            "<h2>Цель</h2>"
            "<p>Цель инициативы — повысить способность местных самоуправлений предоставлять "
            "эффективные услуги, помогая получателям международной защиты, новоприбывшим "
            "иммигрантам и другим целевым группам успешно адаптироваться и интегрироваться в "
            "эстонское общество.</p>"
            "<h2>Кто реализует проект</h2>"
            "<p>Орган, ответственный за реализацию инициативы, — Министерство культуры. "
            "Исполнительное учреждение — Государственный центр вспомогательных услуг (Riigi "
            "Tugiteenuste Keskus). Исполнитель проекта — Союз Городов и Самоуправлений Эстонии. "
            "Партнеры исполнителя — местные самоуправления.</p>",
            "en": "<p>The Kohtla-Järve City Government and the Association of Estonian Cities "
            "and Municipalities (AECM) have entered into a partnership agreement to implement "
            "activities under Measure 21.4.7.56 of the European Union’s Cohesion Policy, "
            "“Support for Local Governments in Providing Integration, including Adaptation "
            "Services”. The initiative helps local governments to offer these services to newly "
            "arrived immigrants, recipients of international protection, people from diverse "
            "linguistic and cultural backgrounds, and repatriates.</p>"
            "<h2>Aim</h2>"
            "<p>The aim of the initiative is to strengthen the capacity of local governments to "
            "provide effective services that support recipients of international protection, "
            "newly arrived immigrants and other target groups in successfully adapting to and "
            "integrating into Estonian society.</p>"
            "<h2>Who carries out the project</h2>"
            "<p>The body responsible for implementing the initiative is the Ministry of Culture, "
            "and the implementing agency is the State Shared Services Centre (Riigi Tugiteenuste "
            "Keskus). The project implementer is the Association of Estonian Cities and "
            "Municipalities (AECM). Its partners are local governments.</p>",
        },
    },
    {
        "kind": "target_groups",
        "ordering": 20,
        "in_navigation": True,
        "slug": {"et": "sihtruhmad", "ru": "celevye-gruppy", "en": "target-groups"},
        "title": {"et": "Sihtrühmad", "ru": "Целевые группы", "en": "Target groups"},
        "summary": {
            "et": "Projekt on mõeldud neljale sihtrühmale. Inimene võib kuuluda ka mitmesse.",
            "ru": "Проект предназначен для четырёх целевых групп. Человек может относиться и к "
            "нескольким из них.",
            "en": "The project is for four target groups. A person can belong to more than one.",
        },
        "body": {"et": "", "ru": "", "en": ""},
    },
    {
        "kind": "partners",
        "ordering": 30,
        "in_navigation": True,
        "slug": {"et": "partnerid", "ru": "partnery", "en": "partners"},
        "title": {
            "et": "Partnerid ja rollid",
            "ru": "Партнёры и роли",
            "en": "Partners and roles",
        },
        "summary": {
            "et": "Kes projekti ellu viib, rahastab ja selle üle järelevalvet teeb.",
            "ru": "Кто реализует проект, финансирует его и контролирует его выполнение.",
            "en": "Who carries out, funds and oversees the project.",
        },
        "body": {"et": "", "ru": "", "en": ""},
    },
    {
        "kind": "contacts",
        "ordering": 40,
        "in_navigation": True,
        "in_footer": True,
        "slug": {"et": "kontaktid", "ru": "kontakty", "en": "contacts"},
        "title": {"et": "Kontaktid", "ru": "Контакты", "en": "Contacts"},
        "summary": {
            "et": "Projekti kohta saate küsida Kohtla-Järve Linnavalitsuse projektijuhilt.",
            "ru": "С вопросами о проекте обращайтесь к руководителю проекта от Городской управы "
            "Кохтла-Ярве.",
            "en": "Ask the Kohtla-Järve City Government’s project manager about the project.",
        },
        "body": {"et": "", "ru": "", "en": ""},
    },
    {
        "kind": "standard",
        "ordering": 50,
        "in_footer": True,
        "slug": {"et": "ligipaasetavus", "ru": "dostupnost", "en": "accessibility"},
        "title": {
            "et": "Ligipääsetavuse teatis",
            "ru": "Заявление о доступности",
            "en": "Accessibility statement",
        },
        "summary": {
            "et": "Kuidas saab seda veebilehte kasutada ja kuidas anda teada, kui miski ei tööta.",
            "ru": "Как пользоваться этим сайтом и как сообщить, если что-то не работает.",
            "en": "How you can use this website and how to tell us if something does not work.",
        },
        "body": {
            "et": "<p>Kohtla-Järve Linnavalitsus soovib, et seda veebilehte saaksid kasutada kõik, "
            "ka ekraanilugeja, ekraanisuurendi või ainult klaviatuuriga. Veebileht on tehtud "
            "vastama veebisisu ligipääsetavuse suuniste (WCAG) 2.2 AA-taseme nõuetele, nagu "
            "avaliku sektori veebilehtedelt nõuab avaliku teabe seadus.</p>"
            "<h2>Mida saate teha</h2>"
            "<ul><li>lugeda kogu sisu eesti, vene ja inglise keeles;</li>"
            "<li>suurendada teksti kuni 200% nii, et midagi ei kao;</li>"
            "<li>kasutada kogu lehte, ka sihtrühma kontrolli, ainult klaviatuuriga;</li>"
            "<li>kasutada lehte ka ilma JavaScriptita ja kitsal telefoniekraanil.</li></ul>"
            "<h2>Teadaolevad puudused</h2>"
            "<p>Meile teadaolevalt puudusi ei ole. Kui leiate mõne, andke palun teada.</p>"
            "<h2>Andke teada ligipääsetavuse probleemist</h2>"
            f"<p>Kui te ei saa mõnda lehe osa kasutada, kirjutage {MAILTO}. Kirjutage, millisel "
            "lehel te olite ja mida püüdsite teha. Vastame esimesel võimalusel.</p>"
            "<h2>Järelevalve</h2>"
            "<p>Kui te ei ole vastusega rahul, võite pöörduda Tarbijakaitse ja Tehnilise "
            "Järelevalve Ameti poole, kes teeb järelevalvet avaliku sektori veebilehtede "
            "ligipääsetavuse üle.</p>",
            "ru": "<p>Городская управа Кохтла-Ярве хочет, чтобы этим сайтом могли пользоваться "
            "все, в том числе с программой чтения с экрана, экранной лупой или только с "
            "клавиатуры. Сайт сделан в соответствии с требованиями уровня AA Руководства по "
            "доступности веб-контента (WCAG) 2.2, как того требует от сайтов государственного "
            "сектора Закон о публичной информации.</p>"
            "<h2>Что вы можете сделать</h2>"
            "<ul><li>читать всё содержание на эстонском, русском и английском языках;</li>"
            "<li>увеличивать текст до 200% без потери содержания;</li>"
            "<li>пользоваться всем сайтом, в том числе проверкой целевой группы, только с "
            "клавиатуры;</li>"
            "<li>пользоваться сайтом без JavaScript и на узком экране телефона.</li></ul>"
            "<h2>Известные недостатки</h2>"
            "<p>Нам не известно о недостатках. Если вы найдёте какой-либо, пожалуйста, "
            "сообщите нам.</p>"
            "<h2>Сообщите о проблеме с доступностью</h2>"
            f"<p>Если вы не можете воспользоваться какой-либо частью сайта, напишите на {MAILTO}. "
            "Укажите, на какой странице вы были и что пытались сделать. Мы ответим при первой "
            "возможности.</p>"
            "<h2>Надзор</h2>"
            "<p>Если ответ вас не устроит, вы можете обратиться в Департамент защиты прав "
            "потребителей и технического надзора (Tarbijakaitse ja Tehnilise Järelevalve Amet), "
            "который осуществляет надзор за доступностью сайтов государственного сектора.</p>",
            "en": "<p>Kohtla-Järve City Government wants everyone to be able to use this website, "
            "including with a screen reader, a screen magnifier or a keyboard alone. The website "
            "is built to meet level AA of the Web Content Accessibility Guidelines (WCAG) 2.2, "
            "as the Public Information Act requires of public-sector websites.</p>"
            "<h2>What you can do</h2>"
            "<ul><li>read all content in Estonian, Russian and English;</li>"
            "<li>zoom text up to 200% without losing content;</li>"
            "<li>use the whole site, including the target group check, with a keyboard "
            "alone;</li>"
            "<li>use the site without JavaScript and on a narrow phone screen.</li></ul>"
            "<h2>Known problems</h2>"
            "<p>We know of no problems. If you find one, please tell us.</p>"
            "<h2>Report an accessibility problem</h2>"
            f"<p>If you cannot use any part of this website, write to {MAILTO}. Tell us which "
            "page you were on and what you were trying to do. We will answer as soon as we "
            "can.</p>"
            "<h2>Enforcement</h2>"
            "<p>If you are not happy with our answer, you can contact the Consumer Protection and "
            "Technical Regulatory Authority (Tarbijakaitse ja Tehnilise Järelevalve Amet), which "
            "supervises the accessibility of public-sector websites.</p>",
        },
    },
    {
        "kind": "standard",
        "ordering": 60,
        "in_footer": True,
        "slug": {"et": "privaatsus", "ru": "konfidencialnost", "en": "privacy"},
        "title": {
            "et": "Privaatsusteave",
            "ru": "Уведомление о конфиденциальности",
            "en": "Privacy notice",
        },
        "summary": {
            "et": "Mida see veebileht salvestab: külastajate kohta mitte midagi.",
            "ru": "Что хранит этот сайт: о посетителях — ничего.",
            "en": "What this website stores: nothing about its visitors.",
        },
        "body": {
            "et": "<p>See veebileht ei jälgi külastajaid. Me ei kasuta analüütikat, reklaami ega "
            "sotsiaalmeedia nuppe ega laadi midagi teiste ettevõtete serveritest.</p>"
            "<h2>Küpsised</h2>"
            "<p>Külastajale ei salvesta see leht ühtegi küpsist. Küpsiseid kasutavad ainult "
            "linna töötajad, kes haldavad sisu: <strong>sessionid</strong> hoiab neid sisse "
            "logituna ja <strong>csrftoken</strong> kaitseb haldusliidese vorme võltsitud "
            "päringute eest. Mõlemad on tehniliselt vajalikud.</p>"
            "<h2>Sihtrühma kontroll</h2>"
            "<p>Vastuseid, mille sisestate sihtrühma kontrolli, ei salvestata, ei kirjutata "
            "logidesse ega panda veebiaadressi. Tulemus arvutatakse kohe ja unustatakse.</p>"
            "<h2>Serveri logid</h2>"
            "<p>Turvalisuse ja tõrgete uurimiseks märgib server üles päringu aja, avatud "
            "aadressi ja vastuse oleku. IP-aadresse ega vormide sisu logidesse ei kirjutata.</p>"
            "<h2>Küsimused</h2>"
            f"<p>Vastutav töötleja on Kohtla-Järve Linnavalitsus. Küsimuste korral kirjutage "
            f"{MAILTO}.</p>",
            "ru": "<p>Этот сайт не отслеживает посетителей. Мы не используем аналитику, рекламу "
            "или кнопки социальных сетей и ничего не загружаем с серверов других компаний.</p>"
            "<h2>Файлы cookie</h2>"
            "<p>Посетителям этот сайт не сохраняет ни одного файла cookie. Файлы cookie "
            "используют только сотрудники города, которые редактируют содержание: "
            "<strong>sessionid</strong> сохраняет их вход в систему, а <strong>csrftoken</strong> "
            "защищает формы административного интерфейса от поддельных запросов. Оба технически "
            "необходимы.</p>"
            "<h2>Проверка целевой группы</h2>"
            "<p>Ответы, которые вы вводите в проверку целевой группы, не сохраняются, не "
            "записываются в журналы и не попадают в адрес страницы. Результат рассчитывается "
            "сразу и забывается.</p>"
            "<h2>Журналы сервера</h2>"
            "<p>Для обеспечения безопасности и поиска ошибок сервер записывает время запроса, "
            "открытый адрес и статус ответа. IP-адреса и содержание форм в журналы не "
            "записываются.</p>"
            "<h2>Вопросы</h2>"
            f"<p>Ответственный обработчик — Городская управа Кохтла-Ярве. С вопросами пишите на "
            f"{MAILTO}.</p>",
            "en": "<p>This website does not track its visitors. We use no analytics, advertising "
            "or social media buttons, and load nothing from other companies’ servers.</p>"
            "<h2>Cookies</h2>"
            "<p>This website sets no cookies for visitors. Only city staff who edit the content "
            "use cookies: <strong>sessionid</strong> keeps them signed in and "
            "<strong>csrftoken</strong> protects the administration forms against forged "
            "requests. Both are strictly necessary.</p>"
            "<h2>The target group check</h2>"
            "<p>The answers you enter in the target group check are not stored, not written to "
            "logs and not put in the web address. The result is worked out at once and "
            "forgotten.</p>"
            "<h2>Server logs</h2>"
            "<p>For security and to investigate faults, the server records the time of each "
            "request, the address opened and the response status. IP addresses and form "
            "contents are not logged.</p>"
            "<h2>Questions</h2>"
            f"<p>The controller is Kohtla-Järve City Government. If you have questions, write to "
            f"{MAILTO}.</p>",
        },
    },
]

TARGET_GROUPS = [
    {
        "code": "international_protection",
        "ordering": 10,
        "slug": {
            "et": "rahvusvahelise-kaitse-saajad",
            "ru": "poluchateli-mezhdunarodnoj-zashchity",
            "en": "recipients-of-international-protection",
        },
        "title": {
            "et": "Rahvusvahelise kaitse saajad",
            "ru": "Получатели международной защиты",
            "en": "Recipients of international protection",
        },
        "summary": {
            "et": "Pagulased ning täiendava või ajutise kaitse saajad, kellel on Eesti elamisluba.",
            "ru": "Беженцы, а также лица под дополнительной или временной защитой, имеющие вид на "
            "жительство в Эстонии.",
            "en": "Refugees and people under additional or temporary protection who hold an "
            "Estonian residence permit.",
        },
        "body": {
            "et": "<p>Rahvusvahelise kaitse saaja on välismaalane, keda on tunnustatud "
            "pagulasena, täiendava kaitse- või ajutise kaitse saajana ning kellele on antud "
            "Eesti elamisluba.</p>",
            "ru": "<p>Получатель международной защиты — иностранец, признанный беженцем, "
            "находящийся под дополнительной или временной защитой, и которому выдан вид на "
            "жительство в Эстонии.</p>",
            "en": "<p>A recipient of international protection is an alien who has been recognised "
            "as a refugee or placed under temporary or additional protection and has been granted "
            "a residence permit in Estonia.</p>",
        },
    },
    {
        "code": "new_immigrant",
        "ordering": 20,
        "slug": {
            "et": "uussisserandajad",
            "ru": "novopribyvshie-immigranty",
            "en": "newly-arrived-immigrants",
        },
        "title": {
            "et": "Uussisserändajad",
            "ru": "Новоприбывшие иммигранты",
            "en": "Newly arrived immigrants",
        },
        "summary": {
            "et": "Inimesed, kes on Eestis seaduslikult elanud vähem kui viis aastat.",
            "ru": "Люди, которые проживают в Эстонии на законных основаниях менее пяти лет.",
            "en": "People who have lived in Estonia legally for less than five years.",
        },
        "body": {
            "et": "<p>Uussisserändaja on vähem kui viis aastat Eestis seaduslikult elanud:</p>"
            "<ul><li>välismaalane, kellele on antud Eesti tähtajaline elamisluba välismaalaste "
            "seaduses või välismaalasele rahvusvahelise kaitse andmise seaduses sätestatud "
            "alusel;</li>"
            "<li>Euroopa Liidu kodanik, kes on omandanud Eestis tähtajalise elamisõiguse Euroopa "
            "Liidu kodaniku seaduses sätestatud alusel;</li>"
            "<li>Euroopa Liidu kodaniku perekonnaliige, kellele on antud Eestis tähtajaline "
            "elamisõigus Euroopa Liidu kodaniku seaduses sätestatud alusel.</li></ul>",
            "ru": "<p>Новоприбывший иммигрант — иностранец, проживающий в Эстонии на законных "
            "основаниях менее пяти лет, а именно:</p>"
            "<ul><li>иностранец, получивший временный вид на жительство в Эстонии на основании "
            "Закона об иностранцах или Закона о предоставлении международной защиты "
            "иностранцам;</li>"
            "<li>гражданин Европейского Союза, получивший временное право на проживание в "
            "Эстонии на основании Закона о гражданине Европейского Союза;</li>"
            "<li>член семьи гражданина ЕС, получивший временное право на проживание в Эстонии "
            "на основании Закона о гражданине Европейского Союза.</li></ul>",
            "en": "<p>A newly arrived immigrant is a foreigner who has legally resided in Estonia "
            "for less than five years, specifically:</p>"
            "<ul><li>a foreigner who has received a temporary residence permit in Estonia under "
            "the Aliens Act or the Act on Granting International Protection to Aliens;</li>"
            "<li>a citizen of the European Union who has received a temporary right of residence "
            "in Estonia under the Citizen of the European Union Act;</li>"
            "<li>a family member of an EU citizen who has received a temporary right of "
            "residence in Estonia under the Citizen of the European Union Act.</li></ul>",
        },
    },
    {
        "code": "diverse_background",
        "ordering": 30,
        "slug": {
            "et": "erineva-keele-ja-kultuuritaustaga-inimesed",
            "ru": "lyudi-s-raznym-yazykovym-i-kulturnym-fonom",
            "en": "people-with-a-diverse-linguistic-and-cultural-background",
        },
        "title": {
            "et": "Erineva keele- ja kultuuritaustaga inimesed",
            "ru": "Люди с разным языковым и культурным фоном",
            "en": "People with a diverse linguistic and cultural background",
        },
        "summary": {
            "et": "Inimesed, kes on Eestis seaduslikult elanud üle viie aasta ja kes on saanud "
            "kodakondsuse naturalisatsiooni korras, on määratlemata või muu riigi kodakondsusega.",
            "ru": "Люди, которые проживают в Эстонии на законных основаниях более пяти лет и "
            "получили гражданство путём натурализации, не имеют гражданства или являются "
            "гражданами другого государства.",
            "en": "People who have lived in Estonia legally for more than five years and are "
            "naturalised Estonian citizens, stateless, or citizens of another country.",
        },
        "body": {
            "et": "<p>Erineva keele- ja kultuuritaustaga inimene on üle viie aasta Eestis "
            "seaduslikul alusel viibiv isik, kes on saanud Eesti kodakondsuse naturalisatsiooni "
            "korras, on määratlemata või muu riigi kodakondsusega.</p>",
            "ru": "<p>Человек с разным языковым и культурным фоном — это лицо, которое проживает "
            "в Эстонии на законных основаниях более пяти лет, получило гражданство Эстонии путём "
            "натурализации, или является лицом без гражданства, или является гражданином другого "
            "государства.</p>",
            "en": "<p>A person with a diverse linguistic and cultural background is an individual "
            "who has legally resided in Estonia for more than five years and has acquired "
            "Estonian citizenship through naturalisation, or is a stateless person, or is a "
            "citizen of another country.</p>",
        },
    },
    {
        "code": "repatriate",
        "ordering": 40,
        "slug": {"et": "tagasipoordujad", "ru": "repatrianty", "en": "repatriates"},
        "title": {"et": "Tagasipöördujad", "ru": "Репатрианты", "en": "Repatriates"},
        "summary": {
            "et": "Täiskasvanud Eesti kodanikud, kes on viimase kaheksa kuu jooksul Eestisse "
            "püsivalt naasnud.",
            "ru": "Совершеннолетние граждане Эстонии, которые в течение последних восьми месяцев "
            "вернулись в Эстонию на постоянное место жительства.",
            "en": "Adult Estonian citizens who have returned to live in Estonia permanently "
            "within the last eight months.",
        },
        "body": {
            "et": "<p>Tagasipöörduja on Eesti kodakondsust omav täiskasvanud isik, kes on "
            "Eestisse püsivalt naasnud viimase kaheksa kuu jooksul ja oma elukoha registreerinud "
            "Eesti rahvastikuregistris.</p>",
            "ru": "<p>Репатриант — это совершеннолетний гражданин Эстонии, который вернулся на "
            "постоянное место жительства в Эстонию в течение последних восьми месяцев и "
            "зарегистрировал своё место жительства в Регистре народонаселения Эстонии.</p>",
            "en": "<p>A repatriate is an adult Estonian citizen who has returned to Estonia for "
            "permanent residence within the last eight months and has registered their place of "
            "residence in the Estonian Population Register.</p>",
        },
    },
]

PARTNERS = [
    {
        "ordering": 10,
        "website": "https://www.kohtla-jarve.ee/",
        "name": {
            "et": "Kohtla-Järve Linnavalitsus",
            "ru": "Городская управа Кохтла-Ярве",
            "en": "Kohtla-Järve City Government",
        },
        "role": {
            "et": "Partnerluslepingu osapool, viib projekti ellu Kohtla-Järvel",
            "ru": "Сторона партнерского соглашения, реализует проект в Кохтла-Ярве",
            "en": "Party to the partnership agreement; carries out the project in Kohtla-Järve",
        },
    },
    {
        "ordering": 20,
        "website": "https://www.elvl.ee/",
        "name": {
            "et": "Eesti Linnade ja Valdade Liit",
            "ru": "Союз Городов и Самоуправлений Эстонии (Eesti Linnade ja Valdade Liit)",
            "en": "Association of Estonian Cities and Municipalities (AECM)",
        },
        "role": {
            "et": "Tegevuse elluviija",
            "ru": "Исполнитель проекта",
            "en": "Project implementer",
        },
    },
    {
        "ordering": 30,
        "website": "",
        "name": {
            "et": "Kohalikud omavalitsused",
            "ru": "Местные самоуправления",
            "en": "Local governments",
        },
        "role": {
            "et": "Elluviija partnerid",
            "ru": "Партнеры исполнителя",
            "en": "Partners of the implementer",
        },
    },
    {
        "ordering": 40,
        "website": "https://www.kul.ee/",
        "name": {"et": "Kultuuriministeerium", "ru": "Министерство культуры", "en": "Ministry of Culture"},
        "role": {
            "et": "Meetme rakendusasutus",
            "ru": "Орган, ответственный за реализацию инициативы",
            "en": "Body responsible for implementing the measure",
        },
    },
    {
        "ordering": 50,
        "website": "https://www.rtk.ee/",
        "name": {
            "et": "Riigi Tugiteenuste Keskus",
            "ru": "Государственный центр вспомогательных услуг (Riigi Tugiteenuste Keskus)",
            "en": "State Shared Services Centre (Riigi Tugiteenuste Keskus)",
        },
        "role": {
            "et": "Meetme rakendusüksus",
            "ru": "Исполнительное учреждение",
            "en": "Implementing agency",
        },
    },
]

CONTACTS = [
    {
        "ordering": 10,
        "name": "Vitali Ljubimov",
        "email": CONTACT_EMAIL,
        "position": {"et": "Projektijuht", "ru": "Руководитель проекта", "en": "Project Manager"},
        "organisation": {
            "et": "Kohtla-Järve Linnavalitsus",
            "ru": "Городская управа Кохтла-Ярве",
            "en": "Kohtla-Järve City Government",
        },
    },
]


def split(item, translated):
    """Plain fields as they are, translated ones spread over field_et, field_ru, field_en.

    The untranslated column (modeltranslation keeps it) holds the Estonian text, as it would
    after a save through the admin.
    """
    fields = {key: value for key, value in item.items() if key not in translated}
    for field in translated:
        fields[field] = item[field]["et"]
        fields.update({f"{field}_{language}": text for language, text in item[field].items()})
    return fields


def load_initial_content(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    TargetGroup = apps.get_model("pages", "TargetGroup")
    Partner = apps.get_model("pages", "Partner")
    Contact = apps.get_model("pages", "Contact")
    text_fields = ("title", "slug", "summary", "body")
    for item in PAGES:
        Page.objects.create(**split(item, text_fields))
    for item in TARGET_GROUPS:
        TargetGroup.objects.create(**split(item, text_fields))
    for item in PARTNERS:
        Partner.objects.create(**split(item, ("name", "role")))
    for item in CONTACTS:
        Contact.objects.create(**split(item, ("position", "organisation")))


def remove_initial_content(apps, schema_editor):
    for model in ("Contact", "Partner", "TargetGroup", "Page"):
        apps.get_model("pages", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(load_initial_content, remove_initial_content)]
