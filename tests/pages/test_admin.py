"""Staff in the admin: the two roles, drafts, history, rich text, and no third-party assets.

Every change is POSTed through the admin as the role in question, then read back from the
database: what each role may do is saved, and what it may not is refused or ignored.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_prose_editor.config import allowlist_from_extensions
from reversion.models import Version

from core.models import SiteLanguage
from pages.models import Contact, Page, Partner, TargetGroup
from pages.rich_text import RICH_TEXT_EXTENSIONS, sanitise_html
from tests.support.html import LoadedResources
from tests.support.languages import LANGUAGES

pytestmark = pytest.mark.django_db

CONTENT_MODELS = (Page, TargetGroup, Partner, Contact)
HOSTILE_HTML = (
    '<p>Tere <script>alert("script")</script>'
    '<img src="x" onerror="alert(\'onerror\')">'
    "<a href=\"javascript:alert('link')\">vajuta</a> "
    '<a href="https://www.kjlv.ee/" onclick="alert(\'click\')">linn</a></p>'
)


@pytest.fixture(autouse=True)
def estonian_admin():
    """Admin addresses are reversed in Estonian (/et/admin/) unless a test says otherwise."""
    with translation.override("et"):
        yield


# Users and forms.


def staff_member(username, group_name=None):
    user = User.objects.create_user(username, f"{username}@example.org", is_staff=True)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor():
    return signed_in(staff_member("editor", "Editors"))


@pytest.fixture
def translator():
    return signed_in(staff_member("translator", "Translators"))


def admin_url(model, view, *args):
    return reverse(f"admin:pages_{model._meta.model_name}_{view}", args=args)


def change_url(item):
    return admin_url(type(item), "change", item.pk)


def form_data(client, url):
    """What the browser would send back unchanged from an admin form."""
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def post_change(client, item, **changes):
    url = change_url(item)
    response = client.post(url, form_data(client, url) | changes)
    assert response.status_code == 302, response.context["adminform"].form.errors
    item.refresh_from_db()
    return item


def project_page():
    return Page.objects.get(kind=Page.Kind.PROJECT)


def project_manager():
    return Contact.objects.get(email="vitali.ljubimov@kjlv.ee")


# Roles.


def test_roles_are_created_with_exactly_their_permissions():
    def codenames(group_name):
        permissions = Group.objects.get(name=group_name).permissions
        # the pages, their uploads and the site's languages; other apps test theirs
        pages = permissions.filter(content_type__app_label__in=("pages", "media_library", "core"))
        return set(pages.values_list("codename", flat=True))

    models = ("page", "targetgroup", "partner", "contact")
    uploads = ("image", "document")
    assert codenames("Editors") == (
        {
            f"{action}_{model}"
            for model in models
            for action in ("add", "change", "delete", "view", "publish")
        }
        | {
            f"{action}_{model}"
            for model in uploads
            for action in ("add", "change", "delete", "view")
        }
        | {"view_sitelanguage", "change_sitelanguage"}  # they switch a ready language on
    )
    assert codenames("Translators") == {
        f"{action}_{model}" for model in (*models, *uploads) for action in ("change", "view")
    }


def test_editor_changes_estonian_text_structure_and_publishing(editor):
    page = post_change(
        editor,
        project_page(),
        title_et="Projekti kirjeldus",
        title_ru="Описание проекта",
        slug_et="projekti-kirjeldus",
        published=False,
        ordering=99,
    )
    assert (page.title_et, page.title_ru) == ("Projekti kirjeldus", "Описание проекта")
    assert (page.slug_et, page.published, page.ordering) == ("projekti-kirjeldus", False, 99)
    contact = post_change(editor, project_manager(), email="projekt@kjlv.ee")
    assert contact.email == "projekt@kjlv.ee"


def test_editor_adds_and_deletes_items(editor):
    response = editor.post(
        admin_url(Partner, "add"),
        {"name_et": "Kohtla-Järve Kultuurikeskus", "role_et": "Koolitaja", "ordering": 5},
    )
    assert response.status_code == 302
    partner = Partner.objects.get(name_et="Kohtla-Järve Kultuurikeskus")
    response = editor.post(admin_url(Partner, "delete", partner.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Partner.objects.filter(pk=partner.pk).exists()


@pytest.mark.parametrize(
    ("item", "translations", "refused"),
    [
        (
            project_page,
            {"title_ru": "Описание проекта", "body_en": "<p>About the project.</p>"},
            {
                "title_et": "Muudetud",
                "body_et": "<p>Muudetud</p>",
                "slug_et": "muudetud",
                "kind": Page.Kind.STANDARD,
                "published": False,
                "in_navigation": False,
                "ordering": 99,
            },
        ),
        (
            lambda: TargetGroup.objects.get(code="repatriate"),
            {"summary_ru": "Вернувшиеся домой.", "title_en": "Returning Estonians"},
            {"title_et": "Muudetud", "code": "new_immigrant", "published": False},
        ),
        (
            lambda: Partner.objects.order_by("pk").first(),
            {"role_ru": "Исполнитель", "name_en": "The City Government"},
            {"name_et": "Muudetud", "website": "https://example.org/", "ordering": 99},
        ),
        (
            project_manager,
            {"position_en": "Project lead"},
            {"name": "Keegi Teine", "email": "keegi@example.org", "position_et": "Muudetud"},
        ),
    ],
)
def test_translator_saves_russian_and_english_only(translator, item, translations, refused):
    before = item()
    kept = {field: getattr(before, field) for field in refused}
    after = post_change(translator, before, **translations, **refused)
    for field, value in translations.items():
        assert getattr(after, field) == value, field
    for field, value in kept.items():
        assert getattr(after, field) == value, field


def test_translator_sees_the_estonian_text_read_only_and_rendered(translator):
    response = translator.get(change_url(project_page()))
    form = response.context["adminform"].form
    assert {"title_ru", "title_en", "body_ru", "body_en", "slug_ru"} <= set(form.fields)
    assert not {"title_et", "body_et", "slug_et", "kind", "published", "ordering"} & set(
        form.fields
    )
    content = response.content.decode()
    assert "<h2>Eesmärk</h2>" in content  # the Estonian text as HTML, not as escaped source


def test_translator_can_neither_add_nor_delete(translator):
    partner = Partner.objects.first()
    assert translator.get(admin_url(Partner, "add")).status_code == 403
    response = translator.post(admin_url(Partner, "delete", partner.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert translator.get(admin_url(Partner, "recoverlist")).status_code == 403


def test_translator_cannot_publish_from_the_list(translator, editor):
    partners = list(Partner.objects.order_by("ordering", "pk"))
    list_url = admin_url(Partner, "changelist")
    assert 'name="form-0-published"' not in translator.get(list_url).content.decode()
    assert 'name="form-0-published"' in editor.get(list_url).content.decode()
    formset = {
        "form-TOTAL_FORMS": str(len(partners)),
        "form-INITIAL_FORMS": str(len(partners)),
        "_save": "Save",
    }
    for index, partner in enumerate(partners):
        formset |= {f"form-{index}-id": partner.pk, f"form-{index}-ordering": 50 + index}
    translator.post(list_url, formset)
    assert all(Partner.objects.get(pk=partner.pk).published for partner in partners)
    assert [Partner.objects.get(pk=p.pk).ordering for p in partners] == [
        p.ordering for p in partners
    ]
    editor.post(list_url, formset)
    assert not any(Partner.objects.get(pk=partner.pk).published for partner in partners)


def test_staff_without_a_role_cannot_open_content(client):
    client.force_login(staff_member("nobody"))
    assert client.get(change_url(project_page())).status_code == 403
    assert client.get(reverse("admin:pages_missing_translations")).status_code == 403


# Drafts.


@pytest.mark.parametrize(
    ("item", "url"),
    [
        (lambda: Page.objects.get(slug_en="privacy"), "/en/privacy/"),
        (
            lambda: TargetGroup.objects.get(code="repatriate"),
            "/ru/celevye-gruppy/repatrianty/",
        ),
    ],
)
def test_a_draft_is_404_for_visitors_and_a_bannered_private_preview_for_staff(
    client, editor, translator, item, url
):
    draft = item()
    draft.published = False
    draft.save()
    assert client.get(url).status_code == 404
    for staff in (editor, translator):
        response = staff.get(url)
        assert response.status_code == 200
        assert "draft-banner" in response.content.decode()
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control


def test_a_published_page_has_no_draft_banner_even_for_staff(editor):
    response = editor.get("/en/privacy/")
    assert response.status_code == 200
    assert "draft-banner" not in response.content.decode()


def test_view_on_site_leads_from_every_change_page_to_the_item(editor):
    """Pages and groups have their own address (drafts included, for staff); partners and
    contacts are shown on the page that lists them."""
    for model in CONTENT_MODELS:
        for item in model.objects.all():
            if model in (Page, TargetGroup):
                item.published = False
                item.save()
            content_type = ContentType.objects.get_for_model(model)
            view_on_site = reverse("admin:view_on_site", args=[content_type.pk, item.pk])
            assert view_on_site in editor.get(change_url(item)).content.decode(), item
            response = editor.get(view_on_site)
            assert response.status_code == 302
            public = editor.get(response["Location"])
            assert public.status_code == 200, (item, response["Location"])
            assert str(item) in public.content.decode(), item


# History.


def test_every_change_records_who_changed_which_fields_and_when(editor):
    page = post_change(editor, project_page(), title_ru="Описание проекта")
    latest = Version.objects.get_for_object(page).first()
    assert latest.revision.user.username == "editor"
    assert latest.revision.date_created is not None
    assert "[ru]" in latest.revision.get_comment()  # "Changed Title [ru]." in the admin's language
    assert latest.field_dict["title_ru"] == "Описание проекта"
    assert latest.field_dict["title_et"] == "Projekt"


def test_an_earlier_russian_text_is_restored_from_the_history(editor):
    page = project_page()
    original = {field: getattr(page, field) for field in ("title_et", "title_ru", "title_en")}
    post_change(editor, page, title_ru="Неудачный заголовок", title_en="A bad title")
    # Restore in the Russian admin: the restore must not confuse languages.
    with translation.override("ru"):
        history_url = reverse("admin:pages_page_history", args=[page.pk])
        revision_url = reverse("admin:pages_page_revision", args=[page.pk, 0])
    history = editor.get(history_url)
    assert history.status_code == 200
    versions = list(Version.objects.get_for_object(page).order_by("pk"))
    assert len(versions) == 2  # the seeded text, kept before the first change, and the change
    revision_url = revision_url.replace("/0/", f"/{versions[0].pk}/")
    assert revision_url in history.content.decode()
    data = form_data(editor, revision_url)
    assert data["title_ru"] == original["title_ru"]
    assert editor.post(revision_url, data).status_code == 302
    page.refresh_from_db()
    assert {field: getattr(page, field) for field in original} == original


def test_translator_may_look_at_an_earlier_version_but_not_restore_it(editor, translator):
    page = post_change(editor, project_page(), title_ru="Неудачный заголовок")
    first_version = Version.objects.get_for_object(page).order_by("pk").first()
    revision_url = admin_url(Page, "revision", page.pk, first_version.pk)
    response = translator.get(revision_url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    data = {"title_ru": first_version.field_dict["title_ru"]}
    assert translator.post(revision_url, data).status_code == 403
    page.refresh_from_db()
    assert page.title_ru == "Неудачный заголовок"


def test_a_deleted_item_is_recovered_with_its_translations(editor):
    partner = Partner.objects.get(name_et="Eesti Linnade ja Valdade Liit")
    russian_name = partner.name_ru
    editor.post(admin_url(Partner, "delete", partner.pk), {"post": "yes"})
    assert not Partner.objects.filter(pk=partner.pk).exists()
    recover_list = editor.get(admin_url(Partner, "recoverlist")).content.decode()
    deleted = Version.objects.get_deleted(Partner).get()
    recover_url = admin_url(Partner, "recover", deleted.pk)
    assert recover_url in recover_list
    assert deleted.revision.user.username == "editor"
    assert editor.post(recover_url, form_data(editor, recover_url)).status_code == 302
    assert Partner.objects.get(pk=partner.pk).name_ru == russian_name


# Rich text.


def shown_text(client, url):
    """The rich text of a public page, as visitors get it."""
    content = client.get(url).content.decode()
    return content.split('<div class="prose"', 1)[1].split("</div>", 1)[0]


def test_hostile_rich_text_saved_through_the_admin_never_reaches_visitors(editor, client):
    group = post_change(editor, TargetGroup.objects.get(code="repatriate"), body_ru=HOSTILE_HTML)
    for html in (group.body_ru, shown_text(client, "/ru/celevye-gruppy/repatrianty/")):
        assert "<script" not in html
        assert "<img" not in html
        assert "onerror" not in html
        assert "onclick" not in html
        assert "javascript:" not in html
    assert '<a href="https://www.kjlv.ee/">linn</a>' in group.body_ru
    assert "Tere" in group.body_ru


def test_the_editor_offers_exactly_the_markup_the_sanitiser_keeps():
    for model in (Page, TargetGroup):
        for language in LANGUAGES:
            field = model._meta.get_field(f"body_{language}")
            assert field.config["extensions"] == RICH_TEXT_EXTENSIONS
            assert field.sanitize is sanitise_html
    editor_tags = allowlist_from_extensions(RICH_TEXT_EXTENSIONS)["tags"]
    assert editor_tags == {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a"} | {
        "blockquote"
    }
    for tag in editor_tags:
        html = f"<{tag}>x</{tag}>" if tag != "br" else "<p>x<br></p>"
        assert sanitise_html(html) == html, tag
    for tag in ("script", "style", "iframe", "img", "div", "span", "h1", "table", "form"):
        assert f"<{tag}" not in sanitise_html(f"<{tag}>x</{tag}><p>y</p>"), tag


def test_the_body_field_uses_the_prose_editor_inside_the_language_tabs(editor):
    content = editor.get(change_url(project_page())).content.decode()
    for language in LANGUAGES:
        textarea = re.search(rf'<textarea name="body_{language}"[^>]*>', content).group(0)
        assert "data-django-prose-editor-configurable" in textarea
        assert f"mt-field-body-{language}" in textarea  # grouped into tabs by modeltranslation


def test_an_emptied_editor_text_counts_as_missing_and_shows_estonian(editor, client):
    group = post_change(editor, TargetGroup.objects.get(code="repatriate"), body_ru="<p></p>")
    assert group.body_ru == ""
    content = client.get("/ru/celevye-gruppy/repatrianty/").content.decode()
    assert '<div class="prose" lang="et">' in content


# Assets.


def is_same_origin(url):
    parts = urlsplit(url)
    return (not parts.scheme and not parts.netloc) or parts.netloc == "testserver"


def test_admin_pages_load_nothing_from_another_host(editor):
    pages = [reverse("admin:index"), reverse("admin:pages_missing_translations")]
    for model in CONTENT_MODELS:
        pages += [admin_url(model, "add"), change_url(model.objects.first())]
    for page in pages:
        loaded = LoadedResources(editor.get(page).content.decode()).urls
        assert loaded, page
        assert [url for url in loaded if not is_same_origin(url)] == [], page
        for url in loaded:
            if url.startswith("/static/") and url.endswith(".css"):
                css = Path(finders.find(url.removeprefix("/static/"))).read_text()
                assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", css), url
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in loaded


# Missing translations.


def test_missing_translations_are_listed_per_language_with_links_to_edit_them(editor):
    page = project_page()
    Page.objects.filter(pk=page.pk).update(summary_ru="", body_ru="")
    partner = Partner.objects.order_by("pk").first()
    Partner.objects.filter(pk=partner.pk).update(role_en="")
    response = editor.get(reverse("admin:pages_missing_translations"))
    languages = {language["code"]: language["items"] for language in response.context["languages"]}
    assert set(languages) == set(LANGUAGES) - {settings.SOURCE_LANGUAGE}
    assert [(m.item.pk, m.fields) for m in languages["ru"]] == [(page.pk, ("kokkuvõte", "tekst"))]
    assert [(m.item.pk, m.fields) for m in languages["en"]] == [(partner.pk, ("roll projektis",))]
    content = response.content.decode()
    assert f'href="{change_url(page)}"' in content
    assert f'href="{change_url(partner)}"' in content


def test_missing_translations_are_linked_from_the_admin_index_for_staff_only(client, translator):
    url = reverse("admin:pages_missing_translations")
    assert f'href="{url}"' in translator.get(reverse("admin:index")).content.decode()
    assert translator.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# The first admin account.


def test_the_first_admin_account_is_made_without_prompts_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "admin")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "admin@example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long passphrase for tests")
    call_command("createsuperuser", interactive=False, verbosity=0)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("a long passphrase for tests")


# The site's icon, so browsers do not ask for /favicon.ico (a 404) on every admin page.


@pytest.mark.parametrize("view", ["admin:login", "admin:index", "admin:pages_page_changelist"])
def test_admin_pages_name_the_sites_icon(editor, view):
    client = Client() if view == "admin:login" else editor
    response = client.get(reverse(view))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<link rel="icon" href="/static/img/favicon[^"]*\.svg"', html)


# Every language of settings.LANGUAGES: a tab each, translators for each, and how complete each is.


def test_every_change_form_has_a_tab_for_every_language(editor):
    for item in (project_page(), TargetGroup.objects.first(), Partner.objects.first()):
        fields = set(editor.get(change_url(item)).context["adminform"].form.fields)
        name = "title" if not isinstance(item, Partner) else "name"
        assert {f"{name}_{code}" for code in LANGUAGES} <= fields, item


def test_translators_change_every_language_but_the_source_one(translator):
    page = project_page()
    form = translator.get(change_url(page)).context["adminform"].form
    translated = set(LANGUAGES) - {settings.SOURCE_LANGUAGE}
    assert {f"summary_{code}" for code in translated} <= set(form.fields)
    assert f"summary_{settings.SOURCE_LANGUAGE}" not in form.fields
    changes = {f"summary_{code}": f"{code}: uus kokkuvõte" for code in translated}
    after = post_change(translator, page, **changes)
    assert all(getattr(after, field) == text for field, text in changes.items())


def test_the_report_says_how_complete_each_language_is_and_what_keeps_one_back(editor):
    language = LANGUAGES[-1]
    SiteLanguage.objects.filter(code=language).update(public=False)
    group = TargetGroup.objects.get(code="repatriate")
    TargetGroup.objects.filter(pk=group.pk).update(**{f"summary_{language}": ""})
    response = editor.get(reverse("admin:pages_missing_translations"))
    rows = {row["code"]: row for row in response.context["languages"]}
    assert set(rows) == set(LANGUAGES) - {settings.SOURCE_LANGUAGE}
    for code, row in rows.items():
        assert row["interface"].percent == 100, code
        assert row["content"].total == rows[language]["content"].total
        if code != language:
            assert row["content"].percent == 100 and row["public"] and row["gaps"] == []
    held_back = rows[language]
    assert held_back["content"].translated == held_back["content"].total - 1
    assert not held_back["public"]
    assert [group.title_et in gap for gap in held_back["gaps"]] == [True]
    html = response.content.decode()
    assert f'href="#missing-{language}"' in html
    assert group.title_et in html
