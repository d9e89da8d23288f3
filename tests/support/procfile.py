"""The Procfile, read as honcho (`make run`) reads it: the site's processes and their commands."""

import shlex

from honcho.environ import parse_procfile

from .servers import ROOT


def procfile_commands():
    """{process type: its command line as a list of words}: web, then worker."""
    processes = parse_procfile((ROOT / "Procfile").read_text()).processes
    return {name: shlex.split(command) for name, command in processes.items()}
