"""The quotes check over HTTP: findings, quote clusters and extracted quotes match the spec."""

from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
URI = "urn:crosscheck:openapi"
REGISTRY = Registry().with_resource(URI, Resource.from_contents(SPEC, default_specification=DRAFT202012))

A = (
    "Maria Lopez spoke on Monday.\n"
    "“We will rebuild every school in the valley before winter,” said Maria Lopez.\n"
    "“Nobody will pay more tax,” she added.\n"
)
B = (
    "Maria Lopez spoke on Monday.\n"
    "“We will rebuild every public school in the valley by winter,” said Maria Lopez.\n"
    "“Nobody will pay more tax,” she added.\n"
)


def validate(name, data):
    schema = {"$ref": f"{URI}#/components/schemas/{name}"}
    errors = list(Draft202012Validator(schema, registry=REGISTRY).iter_errors(data))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_compare_with_quotes_included_returns_every_cluster(client):
    body = {"articles": [{"id": "a", "text": A}, {"id": "b", "text": B}], "options": {"include": ["quotes"]}}
    data = client.post("/v1/compare", json=body).get_json()
    (finding,) = [f for f in data["findings"] if f["type"] == "quote_mismatch"]
    validate("Finding", finding)
    validate("QuoteDetails", finding["details"])
    assert finding["details"]["class"] == "altered"
    classes = sorted(c["class"] for c in data["quote_clusters"])
    assert classes == ["altered", "verbatim"]
    for cluster in data["quote_clusters"]:
        validate("QuoteCluster", cluster)
    for article in data["extractions"]:
        for quote in article["quotes"]:
            validate("Quote", quote)


def test_quote_clusters_only_on_request(client):
    body = {"articles": [{"id": "a", "text": A}, {"id": "b", "text": B}]}
    data = client.post("/v1/compare", json=body).get_json()
    assert "quote_clusters" not in data


def test_extract_returns_quotes_with_speakers_in_utf16(client):
    text = "👍 “We will win,” said Maria Lopez."
    body = {"article": {"id": "a", "text": text}, "options": {"offsets": "utf16"}}
    data = client.post("/v1/extract", json=body).get_json()
    (quote,) = data["quotes"]
    validate("Quote", quote)
    assert quote["speaker"] == "Maria Lopez"
    utf16 = text.encode("utf-16-le")
    assert utf16[2 * quote["start"] : 2 * quote["end"]].decode("utf-16-le") == "We will win,"
