"""Deployment files: Compose for one server, Kubernetes manifests for a cluster.

Read as data and held against the code: the probes must answer 200 on the real site with the
Host header they send, ports and images must agree, every variable handed to the app must be
one it reads, and no file may hold a secret.
"""

import re
from collections import Counter
from urllib.parse import urlsplit

import dj_database_url
import pytest
import yaml

from tests.support.dockerfile import image_instructions, image_user
from tests.support.imports import site_modules
from tests.support.procfile import procfile_commands
from tests.support.servers import ROOT, gunicorn_config_with

DEPLOY = ROOT / "deploy"
KUBERNETES = DEPLOY / "kubernetes"
# How many documents of each kind: two Deployments, the web pods and the worker.
EXPECTED_KINDS = {
    ("v1", "ConfigMap"): 1,
    ("v1", "Service"): 1,
    ("apps/v1", "Deployment"): 2,
    ("batch/v1", "Job"): 1,
    ("autoscaling/v2", "HorizontalPodAutoscaler"): 1,
    ("policy/v1", "PodDisruptionBudget"): 1,
}
WEB = "kjproject-web"
WORKER = "kjproject-worker"
# What the app cannot run without in production.
REQUIRED_VARIABLES = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
# Variables whose values are secrets, or may hold one (a password inside a URL).
SECRET_NAME = re.compile(r"SECRET|PASSWORD|TOKEN|_KEY$|^DATABASE_URL$|^REDIS_URL$|^EMAIL_URL$")
COMPOSE_REFERENCE = re.compile(r"\$\{(?P<name>[A-Z_][A-Z0-9_]*)(?P<rest>[^}]*)\}")
APP_SERVICES = ("migrate", "web", "worker")
READS_VARIABLE = re.compile(
    r"""(?:os\.environ\.get\(|os\.getenv\(|env_flag\(|env_list\(|os\.environ\[)\s*["']([A-Z0-9_]+)["']"""
)


def yaml_files():
    return sorted([*DEPLOY.rglob("*.yaml"), *DEPLOY.rglob("*.yml")])


def kubernetes_documents():
    return [
        document
        for path in sorted(KUBERNETES.glob("*.yaml"))
        for document in yaml.safe_load_all(path.read_text())
        if document
    ]


def the(kind, name=None):
    """The one document of `kind` (named `name`, where there are several, e.g. Deployments)."""
    (document,) = [
        d
        for d in kubernetes_documents()
        if d["kind"] == kind and name in (None, d["metadata"]["name"])
    ]
    return document


def containers(kind, name=None):
    return the(kind, name)["spec"]["template"]["spec"]["containers"]


def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def variables_the_app_reads():
    """Every environment variable the site's code reads (settings, gunicorn config, apps)."""
    names = set()
    for path in site_modules():
        source = path.read_text()
        names |= set(READS_VARIABLE.findall(source))
        if "dj_database_url.config(" in source:
            names.add(dj_database_url.DEFAULT_ENV)
    return names


def configmap_allowed_hosts():
    return [host.strip() for host in the("ConfigMap")["data"]["ALLOWED_HOSTS"].split(",")]


def image_port():
    environment = [
        i.arguments for i in image_instructions() if i.keyword == "ENV" and "PORT=" in i.arguments
    ]
    (port,) = re.findall(r"\bPORT=(\d+)", " ".join(environment))
    return int(port)


def test_every_yaml_file_under_deploy_parses():
    assert yaml_files()
    for path in yaml_files():
        assert [d for d in yaml.safe_load_all(path.read_text()) if d], path


def test_kubernetes_manifests_are_exactly_the_expected_kinds_each_named():
    documents = kubernetes_documents()
    assert Counter((d["apiVersion"], d["kind"]) for d in documents) == EXPECTED_KINDS
    assert {d["metadata"]["name"] for d in documents if d["kind"] == "Deployment"} == {WEB, WORKER}
    for document in documents:
        assert document["metadata"]["name"].startswith("kjproject")


def probe_answer(client, settings, probe):
    """What the site answers the Deployment's `probe`, with the Host header the kubelet sends."""
    (web,) = containers("Deployment", WEB)
    request = web[probe]["httpGet"]
    # The kubelet connects to the pod's IP: without a Host header Django would answer 400.
    headers = {header["name"]: header["value"] for header in request["httpHeaders"]}
    settings.ALLOWED_HOSTS = configmap_allowed_hosts()
    return client.get(request["path"], HTTP_HOST=headers["Host"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("probe", "path"),
    [("startupProbe", "/readyz"), ("livenessProbe", "/healthz"), ("readinessProbe", "/healthz")],
)
def test_probes_ask_paths_that_answer_200_with_the_host_they_send(client, settings, probe, path):
    (web,) = containers("Deployment", WEB)
    assert web[probe]["httpGet"]["path"] == path
    assert probe_answer(client, settings, probe).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("outage", ["unreachable_database", "unreachable_redis"])
def test_a_database_or_redis_outage_neither_restarts_pods_nor_takes_them_out_of_service(
    client, settings, request, outage
):
    request.getfixturevalue(outage)
    # Every pod shares the same PostgreSQL and Redis: a probe failing with them would take all
    # pods out at once, although they still serve (cached pages, the 503 page, the database).
    for probe in ("readinessProbe", "livenessProbe"):
        assert probe_answer(client, settings, probe).status_code == 200, probe
    # A new pod waits for both before it takes traffic: a wrong Secret stalls the rollout.
    assert probe_answer(client, settings, "startupProbe").status_code == 503


def test_probes_service_compose_and_image_all_use_the_containers_port():
    (web,) = containers("Deployment", WEB)
    ports = {port["name"]: port["containerPort"] for port in web["ports"]}
    assert set(ports.values()) == {image_port()}
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert web[probe]["httpGet"]["port"] in {*ports, *ports.values()}
    (service_port,) = the("Service")["spec"]["ports"]
    assert service_port["targetPort"] in {*ports, *ports.values()}
    exposed = [i.arguments for i in image_instructions() if i.keyword == "EXPOSE"]
    assert exposed == [str(image_port())]
    (published,) = compose()["services"]["web"]["ports"]
    assert published.startswith("127.0.0.1:"), "only the host's reverse proxy reaches the app"
    assert int(published.rsplit(":", 1)[1]) == image_port()


def test_selectors_of_the_service_and_the_disruption_budget_match_the_web_pods():
    deployment = the("Deployment", WEB)["spec"]
    pod_labels = deployment["template"]["metadata"]["labels"]
    assert deployment["selector"]["matchLabels"].items() <= pod_labels.items()
    assert the("Service")["spec"]["selector"].items() <= pod_labels.items()
    budget = the("PodDisruptionBudget")["spec"]["selector"]["matchLabels"]
    assert budget.items() <= pod_labels.items()
    job_labels = the("Job")["spec"]["template"]["metadata"]["labels"]
    assert not the("Service")["spec"]["selector"].items() <= job_labels.items()


WORKLOADS = [("Deployment", WEB), ("Deployment", WORKER), ("Job", None)]


@pytest.mark.parametrize(("kind", "name"), WORKLOADS)
def test_pods_run_as_the_images_user_unprivileged_on_a_read_only_root_filesystem(kind, name):
    pod = the(kind, name)["spec"]["template"]["spec"]
    uid, _, gid = image_user(image_instructions()).partition(":")
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == int(uid)
    assert pod["securityContext"]["runAsGroup"] == int(gid or uid)
    assert pod["automountServiceAccountToken"] is False
    for container in pod["containers"]:
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] is True
        assert security["allowPrivilegeEscalation"] is False
        assert security["capabilities"]["drop"] == ["ALL"]
        # The one writable place, for temporary files.
        assert {"name": "tmp", "mountPath": "/tmp"} in container["volumeMounts"]  # noqa: S108
        for bound in ("requests", "limits"):
            assert {"cpu", "memory"} <= set(container["resources"][bound]), bound


def test_migration_job_runs_migrate_once_with_the_deployments_image():
    job = the("Job")["spec"]
    pod = job["template"]["spec"]
    (migrate,) = pod["containers"]
    (web,) = containers("Deployment", WEB)
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate["image"] == web["image"]
    assert pod["restartPolicy"] == "Never"
    assert job["backoffLimit"] <= 3


def test_autoscaler_scales_the_web_deployment_within_the_database_connection_budget():
    autoscaler = the("HorizontalPodAutoscaler")["spec"]
    deployment = the("Deployment", WEB)
    assert autoscaler["scaleTargetRef"] == {
        "apiVersion": deployment["apiVersion"],
        "kind": "Deployment",
        "name": deployment["metadata"]["name"],
    }
    assert 2 <= autoscaler["minReplicas"] < autoscaler["maxReplicas"]
    assert autoscaler["metrics"]
    # Each worker holds at most one database connection: stay well below PostgreSQL's default
    # max_connections (100), leaving room for migrations, backups and the admin's shell.
    workers = int(the("ConfigMap")["data"]["WEB_CONCURRENCY"])
    assert autoscaler["maxReplicas"] * workers <= 50
    # A rolling update or a drain never leaves the site without a pod.
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert the("PodDisruptionBudget")["spec"]["minAvailable"] >= 1


def test_graceful_shutdown_fits_in_the_pods_termination_grace_period():
    graceful_timeout = gunicorn_config_with().graceful_timeout
    pod = the("Deployment", WEB)["spec"]["template"]["spec"]
    (web,) = pod["containers"]
    (_, seconds) = web["lifecycle"]["preStop"]["exec"]["command"]
    assert int(seconds) + graceful_timeout < pod["terminationGracePeriodSeconds"]


def kubernetes_environment(kind, name=None):
    """{name: entry} of every variable the kind's containers get, from env and envFrom."""
    environment = {}
    configmaps = {
        d["metadata"]["name"]: d["data"] for d in kubernetes_documents() if d["kind"] == "ConfigMap"
    }
    for container in containers(kind, name):
        for source in container.get("envFrom", []):
            for name in configmaps[source["configMapRef"]["name"]]:
                environment[name] = {"configMap": source["configMapRef"]["name"]}
        for entry in container.get("env", []):
            environment[entry["name"]] = entry
    return environment


@pytest.mark.parametrize(("kind", "name"), WORKLOADS)
def test_kubernetes_hands_the_app_only_variables_it_reads_secrets_by_reference(kind, name):
    environment = kubernetes_environment(kind, name)
    assert set(environment) <= variables_the_app_reads()
    assert {"DATABASE_URL", "SECRET_KEY"} <= set(environment)
    if kind == "Deployment":
        assert set(environment) >= REQUIRED_VARIABLES | {"DEFAULT_FROM_EMAIL", "SITE_URL"}
    if name == WORKER:
        assert "EMAIL_URL" in environment, "the worker sends the e-mail"
    for name, entry in environment.items():
        if SECRET_NAME.search(name):
            assert "value" not in entry, name
            assert entry["valueFrom"]["secretKeyRef"]["key"] == name


def test_no_kubernetes_manifest_holds_a_secret():
    for document in kubernetes_documents():
        assert document["kind"] != "Secret", "Secrets are created in the cluster, not in git"
        if document["kind"] == "ConfigMap":
            assert not [key for key in document["data"] if SECRET_NAME.search(key)]


def app_service_environment(service):
    return compose()["services"][service]["environment"]


@pytest.mark.parametrize("service", APP_SERVICES)
def test_compose_hands_the_app_only_variables_it_reads_including_the_required_ones(service):
    environment = app_service_environment(service)
    assert set(environment) <= variables_the_app_reads()
    assert set(environment) >= REQUIRED_VARIABLES


def test_compose_holds_no_secret_only_references_to_the_env_file():
    for name, service in compose()["services"].items():
        for variable, value in (service.get("environment") or {}).items():
            if not SECRET_NAME.search(variable):
                continue
            value = str(value)
            if "://" in value:  # a URL: its password, if any, must be a reference
                password = urlsplit(value).password
                assert password is None or COMPOSE_REFERENCE.fullmatch(password), (name, variable)
            else:
                assert COMPOSE_REFERENCE.fullmatch(value), (name, variable)


def test_env_example_names_every_variable_compose_requires_with_no_values():
    lines = [
        line
        for line in (DEPLOY / "env.example").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    template = dict(line.split("=", 1) for line in lines)
    assert all(value == "" for value in template.values()), "the template holds no values"
    text = (DEPLOY / "compose.yaml").read_text()
    required = {m["name"] for m in COMPOSE_REFERENCE.finditer(text) if m["rest"].startswith(":?")}
    assert required == set(template)
    assert {"SECRET_KEY", "POSTGRES_PASSWORD", "ALLOWED_HOSTS"} <= required


def test_compose_runs_postgresql_redis_and_migrations_before_the_web_service():
    services = compose()["services"]
    assert re.fullmatch(r"postgres:(15|16)(-[a-z]+)?", services["db"]["image"])
    assert re.fullmatch(r"redis:7(-[a-z]+)?", services["redis"]["image"])
    for dependency in ("db", "redis"):
        assert services[dependency]["healthcheck"]["test"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"] == {
        "migrate": {"condition": "service_completed_successfully"},
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    # As Compose would interpolate it, with a password from deploy/.env.
    database_url = COMPOSE_REFERENCE.sub("password", app_service_environment("web")["DATABASE_URL"])
    database = dj_database_url.parse(database_url)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db"
    assert database["OPTIONS"]["connect_timeout"] > 0  # an unreachable database fails fast
    assert urlsplit(app_service_environment("web")["REDIS_URL"]).hostname == "redis"
    for service in APP_SERVICES:
        assert services[service]["image"] == services["web"]["image"]
        assert services[service]["read_only"] is True


def test_the_worker_runs_the_procfiles_worker_command_on_the_web_image_everywhere():
    command = procfile_commands()["worker"]
    assert command == ["python", "manage.py", "worker"]
    (worker,) = containers("Deployment", WORKER)
    (web,) = containers("Deployment", WEB)
    assert (worker["command"], worker["image"]) == (command, web["image"])
    assert "ports" not in worker, "it answers no requests"
    deployment = the("Deployment", WORKER)
    assert deployment["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"] == "worker"
    # Neither the web Service nor the web pods' budget and autoscaler take in the worker.
    worker_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert not the("Service")["spec"]["selector"].items() <= worker_labels.items()
    assert the("HorizontalPodAutoscaler")["spec"]["scaleTargetRef"]["name"] == WEB
    services = compose()["services"]
    assert services["worker"]["command"] == command
    assert services["worker"]["image"] == services["web"]["image"]
    assert "ports" not in services["worker"]
    assert services["worker"]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"
    }
    assert services["worker"]["healthcheck"] == {"disable": True}  # no HTTP to check


def test_compose_stops_the_web_service_after_gunicorns_graceful_timeout():
    grace = compose()["services"]["web"]["stop_grace_period"]
    assert int(grace.removesuffix("s")) > gunicorn_config_with().graceful_timeout


def test_operations_guide_documents_every_variable_the_app_reads():
    guide = (ROOT / "docs" / "operations.md").read_text()
    first_cells = re.findall(r"^\| (`[^|]+)\|", guide, re.MULTILINE)
    table = {name for cell in first_cells for name in re.findall(r"`([A-Z0-9_]+)`", cell)}
    assert sorted(variables_the_app_reads() - table) == []
