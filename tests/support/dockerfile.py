"""The container image, read from the Dockerfile: no Docker engine builds images here."""

import json
import re
from dataclasses import dataclass

from dockerfile_parse import DockerfileParser

from .servers import ROOT


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str
    stage: int  # 0 for the first FROM's stage, and so on


def image_instructions():
    """The Dockerfile's instructions as Docker reads them (dockerfile-parse): continuation lines
    joined, comments dropped."""
    instructions, stage = [], -1
    for parsed in DockerfileParser(path=str(ROOT / "Dockerfile")).structure:
        keyword = parsed["instruction"]
        if keyword == "COMMENT":
            continue
        if keyword == "FROM":
            stage += 1
        # A joined continuation keeps the next line's indentation.
        arguments = re.sub(r"\s{2,}", " ", parsed["value"]).strip()
        instructions.append(Instruction(keyword, arguments, stage))
    return instructions


def stage_names(instructions):
    names = {}
    for instruction in instructions:
        if instruction.keyword == "FROM":
            match = re.fullmatch(r"(\S+)\s+AS\s+(\S+)", instruction.arguments, re.IGNORECASE)
            assert match, f"every stage is named: FROM {instruction.arguments}"
            names[instruction.stage] = match[2]
    return names


def final_stage(instructions):
    return [i for i in instructions if i.stage == instructions[-1].stage]


def exec_form(arguments):
    """The JSON array of an exec-form CMD or HEALTHCHECK CMD."""
    array = json.loads(arguments)
    assert isinstance(array, list), arguments
    assert all(isinstance(item, str) for item in array)
    return array


def image_user(instructions):
    users = [i.arguments for i in final_stage(instructions) if i.keyword == "USER"]
    assert users, "the final stage sets a USER"
    return users[-1]
