"""The API's contract (issue 9, item 12): what a schema-driven fuzzer found, one test per problem. The API accepts
JSON only, validates every parameter (400 with a JSON error naming it), answers every error as JSON, documents
every status it returns, and says its errors in the request's language."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
import yaml
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from jixiao.web.performance import services
from jixiao.web.performance.models import Disclosure, ProgressEntry

PASSWORD = "pw-for-tests-1"


def _basic(username: str, password: str = PASSWORD) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


@pytest.fixture
def published(world) -> Disclosure:
    """Unit A's report, with a figure in its narrative, published."""
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    services.entry_update(entry=entry, actor=world.reporter_a, narrative="开展职工培训120场，培训覆盖率95%。",
                          version=entry.version)
    sub = world.sub_a
    sub.refresh_from_db()
    services.submission_submit(submission=sub, actor=world.approver_a)
    services.submission_approve(submission=sub, actor=world.reviewer)
    return services.disclosure_publish(submission=sub, actor=world.reviewer)


def _schema(client: Client) -> dict[str, Any]:
    r = client.get("/api/schema/")
    assert r.status_code == 200
    return yaml.safe_load(r.content)


# --- paging ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/units/", "/api/cycles/", "/api/disclosures/"])
def test_a_huge_limit_is_400_json_not_a_500(client, world, url):
    r = client.get(url, {"limit": "99999999999999999999"})
    assert r.status_code == 400, r.content[:300]
    assert r["Content-Type"].startswith("application/json")
    assert "limit" in r.json()


@pytest.mark.parametrize("params", [{"limit": "abc"}, {"limit": "-1"}, {"limit": "0"}, {"offset": "-5"},
                                    {"offset": "x"}, {"limit": "1001"}, {"limit": "1.5"}])
def test_bad_paging_values_are_refused_naming_the_parameter(client, world, params):
    r = client.get("/api/units/", params)
    assert r.status_code == 400, (params, r.content[:300])
    assert set(r.json()) == set(params)


def test_the_largest_limit_is_served_and_the_schema_says_it(client, world):
    r = client.get("/api/units/", {"limit": "1000", "offset": "0"})
    assert r.status_code == 200 and r.json()["count"] == 2
    params = {p["name"]: p for p in _schema(client)["paths"]["/api/units/"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == 1000 and params["limit"]["schema"]["minimum"] == 1
    assert params["offset"]["schema"]["minimum"] == 0


# --- targets and verdicts: paginated, as the schema says ----------------------------------------------------


@pytest.mark.parametrize("action", ["targets", "verdicts"])
def test_targets_and_verdicts_are_paginated_like_the_schema_says(client, published, action):
    r = client.get(f"/api/disclosures/{published.pk}/{action}/")
    assert r.status_code == 200
    body = r.json()
    assert isinstance(body, dict) and set(body) == {"count", "next", "previous", "results"}, body
    assert body["count"] == len(body["results"]) >= 1
    one = client.get(f"/api/disclosures/{published.pk}/{action}/", {"limit": 1}).json()
    if body["count"] > 1:
        assert len(one["results"]) == 1 and one["next"]
    response = _schema(client)["paths"][f"/api/disclosures/{{id}}/{action}/"]["get"]["responses"]["200"]
    ref = response["content"]["application/json"]["schema"]["$ref"]
    assert ref.startswith("#/components/schemas/Paginated")


def test_targets_verdict_filter_is_validated(client, published):
    assert client.get(f"/api/disclosures/{published.pk}/targets/", {"verdict": "met"}).status_code == 200
    r = client.get(f"/api/disclosures/{published.pk}/targets/", {"verdict": "good"})
    assert r.status_code == 400 and "verdict" in r.json()


# --- filters --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{"year": "abc"}, {"unit": "02"}, {"unit": "x"}, {"unit": "-1"},
                                    {"year": "99999999999999999999"}, {"all_versions": "maybe"},
                                    {"period": "季" * 50}])
def test_bad_disclosure_filters_are_400_naming_the_parameter(client, published, params):
    r = client.get("/api/disclosures/", params)
    assert r.status_code == 400, (params, r.content[:300])
    assert set(r.json()) == set(params)


def test_good_disclosure_filters_still_filter(client, published):
    def count(**params: Any) -> int:
        r = client.get("/api/disclosures/", params)
        assert r.status_code == 200, r.content
        return int(r.json()["count"])

    year = published.period.cycle.year
    assert count() == 1
    assert count(unit=published.unit_id, year=year, period=published.period.code, all_versions="true") == 1
    assert count(unit=published.unit_id + 1000) == 0 and count(year=year + 1) == 0
    assert count(all_versions="false") == count(all_versions="0") == 1


# --- JSON only ------------------------------------------------------------------------------------------


def test_a_multipart_or_form_write_is_415_and_writes_nothing(client, world):
    client.force_login(world.reporter_a)
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    url = f"/api/entries/{entry.pk}/"
    form = encode_multipart(BOUNDARY, {"narrative": "表单写入", "version": entry.version, "actuals": "{}"})
    r = client.patch(url, form, content_type=MULTIPART_CONTENT)
    assert r.status_code == 415 and "detail" in r.json()
    r = client.put(url, "narrative=x&version=1", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415
    r = client.patch(url, "not a form at all", content_type=MULTIPART_CONTENT)
    assert r.status_code == 415
    assert ProgressEntry.objects.get(pk=entry.pk).version == entry.version
    client.force_login(world.approver_a)
    r = client.post(f"/api/submissions/{world.sub_a.pk}/submit/", "comment=x",
                    content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415
    r = client.post(f"/api/submissions/{world.sub_a.pk}/submit/", {"comment": "表单"})  # the test client's multipart
    assert r.status_code == 415
    world.sub_a.refresh_from_db()
    assert world.sub_a.status == world.sub_a.Status.DRAFT
    # a form without any field is a request without a body: an action that takes none goes through
    assert client.post(f"/api/submissions/{world.sub_a.pk}/submit/").status_code == 200


def test_the_schema_offers_json_request_bodies_only(client, world):
    for path, ops in _schema(client)["paths"].items():
        for method, op in ops.items():
            if isinstance(op, dict) and "requestBody" in op:
                assert set(op["requestBody"]["content"]) == {"application/json"}, (method, path)


# --- actuals: keys are target ids, and the schema says so -----------------------------------------------


@pytest.mark.parametrize("key", ["x", "01", "-3", "1.5", " 7", ""])
def test_actuals_keys_must_be_target_ids(client, world, key):
    client.force_login(world.reporter_a)
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    r = client.patch(f"/api/entries/{entry.pk}/", {"actuals": {key: 1}, "version": entry.version},
                     content_type="application/json")
    assert r.status_code == 400 and "actuals" in r.json(), r.content


@pytest.mark.parametrize("key", ["999999", "9223372036854775807", "119917481431707178520690"])
def test_an_actual_for_an_id_no_target_of_the_entry_has_is_404(client, world, key):
    """Written as an id (the schema's pattern), however large: not a target of this entry, so not found."""
    client.force_login(world.reporter_a)
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    r = client.patch(f"/api/entries/{entry.pk}/", {"actuals": {key: 1}, "version": entry.version},
                     content_type="application/json")
    assert r.status_code == 404 and "detail" in r.json(), r.content
    assert ProgressEntry.objects.get(pk=entry.pk).version == entry.version


def test_the_schema_says_actuals_keys_are_ids(client, world):
    body = _schema(client)["components"]["schemas"]["EntryPatchRequest"]["properties"]["actuals"]
    assert body["type"] == "object"
    assert body["propertyNames"]["pattern"] == "^[1-9][0-9]*$"


# --- statuses: documented, 401 with WWW-Authenticate, JSON 404 everywhere under /api/ --------------------


def test_a_missing_login_is_401_with_www_authenticate(client, world):
    for url in ("/api/submissions/", f"/api/submissions/{world.sub_a.pk}/", f"/api/entries/{world.entry_a.pk}/"):
        r = client.get(url)
        assert r.status_code == 401, url
        assert r["WWW-Authenticate"].startswith("Basic")
        assert "detail" in r.json()
    r = client.get("/api/submissions/", **_basic("reporter_a", "wrong"))
    assert r.status_code == 401 and r["WWW-Authenticate"].startswith("Basic")
    assert client.get("/api/submissions/", **_basic("reporter_a")).status_code == 200


def test_a_signed_in_user_without_the_right_is_403(client, world):
    client.force_login(world.reporter_a)  # a reporter may not submit: approvers do
    r = client.post(f"/api/submissions/{world.sub_a.pk}/submit/", content_type="application/json")
    assert r.status_code == 403 and "detail" in r.json()


@pytest.mark.parametrize("url", ["/api/units/1.5/", "/api/disclosures/1.0/targets/", "/api/nothing-here/",
                                 "/api/units/99999999999999999999/", "/api/entries/abc/", "/api/units/0/"])
def test_every_404_under_api_is_json(client, world, url):
    client.force_login(world.reporter_a)
    r = client.get(url)
    assert r.status_code == 404, url
    assert r["Content-Type"].startswith("application/json"), (url, r.content[:200])
    assert "detail" in r.json()


def test_pages_outside_the_api_keep_their_html_404(client, world):
    r = client.get("/no-such-page/")
    assert r.status_code == 404 and not r["Content-Type"].startswith("application/json")


def test_every_status_the_api_returns_is_documented(client, world):
    paths = _schema(client)["paths"]

    def codes(path: str, method: str) -> set[str]:
        return set(paths[path][method]["responses"])

    assert {"200", "400", "404"} <= codes("/api/units/", "get")
    assert {"200", "404"} <= codes("/api/disclosures/{id}/", "get")
    assert {"200", "400", "401", "403", "404", "429"} <= codes("/api/submissions/", "get")
    assert {"200", "400", "401", "403", "404", "409", "415", "429"} <= codes("/api/submissions/{id}/return/", "post")
    assert {"200", "400", "401", "403", "404", "409", "415", "428"} <= codes("/api/entries/{id}/", "patch")
    assert {"200", "400", "401", "403", "404", "409", "415"} <= codes("/api/submissions/{id}/corrections/", "post")


# --- the request's language, consistently ---------------------------------------------------------------


@pytest.mark.parametrize(("lang", "word"), [("en", "whole number"), ("zh-hans", "整数")])
def test_errors_speak_the_request_language(client, world, lang, word):
    r = client.get("/api/units/", {"limit": "abc"}, HTTP_ACCEPT_LANGUAGE=lang)
    assert r.status_code == 400 and word in json.dumps(r.json(), ensure_ascii=False)
    client.force_login(world.reporter_a)
    entry = ProgressEntry.objects.get(pk=world.entry_a.pk)
    r = client.patch(f"/api/entries/{entry.pk}/", {"actuals": {"x": 1}, "version": entry.version},
                     content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang)
    text = json.dumps(r.json()["actuals"], ensure_ascii=False)
    assert ("target" in text) if lang == "en" else ("目标" in text), text
    r = client.get("/api/nothing-here/", HTTP_ACCEPT_LANGUAGE=lang)
    assert (r.json()["detail"].isascii()) == (lang == "en"), r.json()
