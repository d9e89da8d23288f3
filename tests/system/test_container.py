"""The container image, read from the Dockerfile (no Docker engine builds images here).

What matters about the image is checked on the text Docker would read: the stages and their base
images, the user it runs as, what is built into it, its health check (run for real against the
site) and its command, which must be `make run`'s.
"""

import re
import shlex
import socket
import subprocess
import sys
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.wsgi import get_wsgi_application

from tests.support.dockerfile import (
    exec_form,
    final_stage,
    image_instructions,
    image_user,
    stage_names,
)
from tests.support.procfile import procfile_commands
from tests.support.servers import GUNICORN_CONFIG, ROOT, gunicorn_config_with

# The Python versions CI runs the suite on; the image must use one of them.
CI_PYTHON_VERSIONS = ("3.11", "3.13")
OFFICIAL_SLIM_PYTHON = re.compile(
    r"(?:docker\.io/)?(?:library/)?python:(?P<version>3\.\d+)(?:\.\d+)?-slim(?:-[a-z]+)?"
    r"(?:@sha256:[0-9a-f]{64})?"
)


def make_run_command():
    """The command line of the Makefile's `run` target, without the virtualenv's path and the
    PATH it sets for the Procfile's commands."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has a run target"
    commands = [line.strip() for line in recipe[1].splitlines()]
    assert len(commands) == 1, commands
    words = [word.removeprefix("$(BIN)/") for word in shlex.split(commands[0])]
    return [word for word in words if not word.startswith("PATH=")]


def test_image_is_built_in_named_stages_from_a_slim_official_python_that_ci_tests():
    instructions = image_instructions()
    bases = [i.arguments.split()[0] for i in instructions if i.keyword == "FROM"]
    assert len(bases) >= 2, "a build stage and a runtime stage"
    for base in bases:
        match = OFFICIAL_SLIM_PYTHON.fullmatch(base)
        assert match, f"{base} is not the official slim Python image"
        assert match["version"] in CI_PYTHON_VERSIONS, base
    names = stage_names(instructions)
    runtime_copies = [i.arguments for i in final_stage(instructions) if i.keyword == "COPY"]
    assert any(f"--from={names[0]}" in copy for copy in runtime_copies)


def test_image_runs_as_a_numeric_unprivileged_user_set_before_the_command():
    instructions = final_stage(image_instructions())
    keywords = [i.keyword for i in instructions]
    assert keywords.index("USER") < keywords.index("CMD")
    user, _, group = image_user(instructions).partition(":")
    # Numeric, so that Kubernetes can verify runAsNonRoot without looking into /etc/passwd.
    assert user.isdigit() and int(user) != 0
    assert not group or (group.isdigit() and int(group) != 0)


def test_translations_and_static_files_are_built_into_the_image_at_build_time():
    instructions = image_instructions()
    runs = [i for i in instructions if i.keyword == "RUN"]
    compile_steps = [i for i in runs if "manage.py catalogs compile" in i.arguments]
    static_steps = [i for i in runs if "manage.py collectstatic --noinput" in i.arguments]
    assert compile_steps and static_steps
    build_stage_name = stage_names(instructions)[static_steps[0].stage]
    copied_into_runtime = [i.arguments for i in final_stage(instructions) if i.keyword == "COPY"]
    assert f"--from={build_stage_name} /app /app" in copied_into_runtime


def test_the_build_time_secret_key_exists_only_in_the_build_step():
    instructions = image_instructions()
    for instruction in instructions:
        if instruction.keyword in {"ENV", "ARG"}:
            assert "SECRET_KEY" not in instruction.arguments, instruction
    (build_step,) = [i for i in instructions if "SECRET_KEY" in i.arguments]
    assert re.match(r"SECRET_KEY=\S+ sh -c '[^']*manage\.py collectstatic", build_step.arguments)


def test_command_is_the_gunicorn_command_line_of_make_run_with_its_config_file():
    # make run starts the Procfile's processes (honcho); the image's command is its web one,
    # and the worker's is what Compose and Kubernetes give the same image (test_deploy.py).
    assert make_run_command() == ["honcho", "start", "--procfile", "Procfile"]
    (command,) = [i for i in final_stage(image_instructions()) if i.keyword == "CMD"]
    assert exec_form(command.arguments) == procfile_commands()["web"]
    assert procfile_commands()["web"][:3] == ["gunicorn", "--config", GUNICORN_CONFIG]
    assert list(procfile_commands()) == ["web", "worker"]


def test_gunicorn_config_takes_workers_from_web_concurrency_and_logs_access_to_stdout():
    config = gunicorn_config_with(
        {"WEB_CONCURRENCY": "3", "HOST": "0.0.0.0", "PORT": "8000"}  # noqa: S104 - the image's
    )
    assert config.workers == 3
    assert config.bind == ["0.0.0.0:8000"]
    assert config.accesslog == "-"
    assert config.errorlog == "-"
    assert 0 < config.graceful_timeout <= config.timeout
    # The privacy notice: no client address in the access log, which is one JSON line per
    # request (what a line holds: tests/system/test_security_logs.py).
    assert config.logger_class.__name__ == "JsonAccessLogger"
    # The image's root filesystem may be read-only: nothing may need a writable home.
    assert config.control_socket_disable is True


def healthcheck_command():
    (healthcheck,) = [i for i in image_instructions() if i.keyword == "HEALTHCHECK"]
    options, _, command = healthcheck.arguments.partition("CMD ")
    assert "--interval=" in options
    assert "--timeout=" in options
    return exec_form(command)


def test_healthcheck_asks_healthz_with_python_since_slim_images_have_no_curl():
    command = healthcheck_command()
    assert command[:2] == ["python", "-c"]
    code = command[2]
    assert "urllib" in code
    assert "/healthz" in code


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def site_server():
    """The site's WSGI application served on a free local port, in this process."""
    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    # A short poll interval: shutdown() waits for the loop to notice.
    serve = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    serve.start()
    yield server.server_port
    server.shutdown()
    server.server_close()


def run_healthcheck(port, allowed_hosts):
    command = healthcheck_command()
    environment = {"PORT": str(port), "ALLOWED_HOSTS": allowed_hosts}
    return subprocess.run(  # noqa: S603 - our own Dockerfile's command
        [sys.executable, *command[1:]], env=environment, capture_output=True, check=False
    )


@pytest.mark.parametrize(
    "allowed_hosts", ["kjproject.example.org,www.kjproject.example.org", ".example.org", "*"]
)
def test_healthcheck_passes_when_the_site_answers_with_the_hosts_it_allows(
    site_server, settings, allowed_hosts
):
    settings.ALLOWED_HOSTS = allowed_hosts.split(",")
    result = run_healthcheck(site_server, allowed_hosts)
    assert result.returncode == 0, result.stderr.decode()


def test_healthcheck_fails_when_the_site_refuses_the_host(site_server, settings):
    settings.ALLOWED_HOSTS = ["kjproject.example.org"]
    assert run_healthcheck(site_server, "other.example.org").returncode != 0


def test_healthcheck_fails_when_nothing_listens():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    assert run_healthcheck(closed_port, "localhost").returncode != 0


def dockerignore_excludes(path):
    """Whether Docker leaves `path` out of the build context (last matching pattern wins)."""
    excluded = False
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negated = pattern.startswith("!")
        regex = docker_pattern_regex(pattern.removeprefix("!").strip("/"))
        parts = path.split("/")
        candidates = ["/".join(parts[: index + 1]) for index in range(len(parts))]
        if any(regex.fullmatch(candidate) for candidate in candidates):
            excluded = not negated
    return excluded


def docker_pattern_regex(pattern):
    regex, index = "", 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            regex, index = regex + "(?:.*/)?", index + 3
        elif pattern.startswith("**", index):
            regex, index = regex + ".*", index + 2
        elif pattern[index] == "*":
            regex, index = regex + "[^/]*", index + 1
        elif pattern[index] == "?":
            regex, index = regex + "[^/]", index + 1
        elif pattern[index] == "[":
            end = pattern.index("]", index)
            regex, index = regex + pattern[index : end + 1], end + 1
        else:
            regex, index = regex + re.escape(pattern[index]), index + 1
    return re.compile(regex)


@pytest.mark.parametrize(
    "path",
    [
        ".venv/bin/python",
        ".venv-newest/bin/python",
        "var/db.sqlite3",
        "var/secret_key",
        "var/backups/kjproject-20250131T020000Z.dump",
        ".git/config",
        "staticfiles/css/site.css",
        "node_modules/axe-core/axe.js",
        "locale/ru/LC_MESSAGES/django.mo",
        ".env",
        "deploy/.env",
        "production.env",
        "pages/__pycache__/views.cpython-313.pyc",
    ],
)
def test_dockerignore_keeps_local_state_secrets_and_build_output_out_of_the_image(path):
    assert dockerignore_excludes(path)


@pytest.mark.parametrize(
    "path",
    [
        "manage.py",
        "requirements.txt",
        "kjproject/settings.py",
        "kjproject/gunicorn_conf.py",
        "pages/migrations/0002_initial_content.py",
        "locale/ru/LC_MESSAGES/django.po",
        "templates/base.html",
        "static/css/site.css",
    ],
)
def test_dockerignore_keeps_what_the_image_needs(path):
    assert not dockerignore_excludes(path)
