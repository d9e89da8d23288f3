"""The API's contract: schemas of its OpenAPI document, checked with jsonschema."""

from functools import cache

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

DOCUMENT_URI = "urn:kjproject:openapi"


def openapi_document() -> dict:
    """The document as the site serves it."""
    from eligibility.api import openapi_json

    return openapi_json()


@cache
def openapi_schema(name: str) -> Draft202012Validator:
    """A validator for the document's components/schemas/<name>, its $refs resolved in it."""
    resource = Resource.from_contents(openapi_document(), default_specification=DRAFT202012)
    registry = Registry().with_resource(DOCUMENT_URI, resource)
    schema = {"$ref": f"{DOCUMENT_URI}#/components/schemas/{name}"}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
