"""Import is confined to one office (issue 9, "Trust").

A reviewer imports into the office they review only, the operator (command line, bulk import) into the office
named or the default office. A document naming a unit of another office, or an office, is refused by the
service, the upload page (preview and confirm), ``import_disclosure`` and ``jixiao import``, with the file and
the unit named and nothing written; a new unit is made only under the importing office.
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from jixiao.core.model import Disclosure as Doc
from jixiao.core.model import Row
from jixiao.formats.writers import write_disclosures
from jixiao.web.opendata import bulk
from jixiao.web.performance import services
from jixiao.web.performance.models import (
    AuditLog,
    Cycle,
    Disclosure,
    Goal,
    ImportRecord,
    Indicator,
    Membership,
    Organization,
    Period,
    ProgressEntry,
    Submission,
    Target,
    Verdict,
)

from .conftest import make_user

MODELS = (Organization, Membership, Cycle, Period, Goal, Indicator, Target, Submission, ProgressEntry, Verdict,
          Disclosure, ImportRecord, AuditLog)
ROWS = [("职工培训", "全年开展职工培训100场。", "已开展职工培训120场。")]


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def doc_bytes(org: str | None, *, year: int = 2024, period: str = "全年", rows=ROWS) -> bytes:
    title = f"{org or ''}{year}年绩效考核目标完成进度公示（{period}）"
    doc = Doc(title=title, rows=[Row(goal=g, indicator=i, progress=p) for g, i, p in rows],
              organization=org, year=year, period=period)
    return write_disclosures([doc], "json")


@pytest.fixture
def unit_c(world):
    """A unit of the other office, with a published disclosure of its own."""
    unit = Organization.objects.create(name="丙单位", parent=world.other_office)
    record, preview = services.disclosure_import(data=doc_bytes("丙单位"), filename="c.json", actor=world.outsider)
    assert record is not None, preview.errors
    assert Disclosure.objects.get(unit=unit).published_by == world.outsider
    return unit


def assert_refused(preview, filename: str, unit: str) -> None:
    assert preview.errors, "refused"
    joined = " ".join(preview.errors)
    assert filename in joined and f"“{unit}”" in joined, joined


# --- the service --------------------------------------------------------------------------------------


def test_a_reviewer_cannot_publish_into_another_offices_unit(world, unit_c):
    before = counts()
    for actor, name in ((world.reviewer, "丙单位"), (world.outsider, "甲单位"), (world.outsider, "乙单位")):
        record, preview = services.disclosure_import(data=doc_bytes(name), filename=f"{name}.json", actor=actor)
        assert record is None
        assert_refused(preview, f"{name}.json", name)
        assert "其他考核办" in " ".join(preview.errors)
    assert counts() == before
    assert Disclosure.objects.filter(unit=world.unit_a).count() == 0
    assert Disclosure.objects.get(unit=unit_c).version == 1


@pytest.mark.parametrize("office_name", ["测试考核办", "另一考核办"])
def test_a_document_titled_with_an_offices_name_is_refused(world, office_name):
    before = counts()
    for actor in (world.reviewer, world.outsider, None, world.admin):
        record, preview = services.disclosure_import(data=doc_bytes(office_name), filename="office.json", actor=actor)
        assert record is None
        assert_refused(preview, "office.json", office_name)
        assert "考核办公室" in " ".join(preview.errors)
    assert counts() == before
    assert not Submission.objects.filter(unit__kind=Organization.Kind.OFFICE).exists()


def test_the_preview_says_the_same_and_writes_nothing(world, unit_c):
    before = counts()
    preview = services.disclosure_import_preview(data=doc_bytes("丙单位"), filename="p.json", actor=world.reviewer)
    assert not preview.ok
    assert_refused(preview, "p.json", "丙单位")
    preview = services.disclosure_import_preview(data=doc_bytes("甲单位"), filename="p.json", actor=world.reviewer)
    assert preview.ok and preview.office == world.office and preview.unit == world.unit_a and not preview.new_unit
    preview = services.disclosure_import_preview(data=doc_bytes("新单位"), filename="p.json", actor=world.outsider)
    assert preview.ok and preview.office == world.other_office and preview.new_unit
    assert counts() == before


def test_importing_into_ones_own_office_still_works(world, unit_c):
    record, preview = services.disclosure_import(data=doc_bytes("甲单位"), filename="a.json", actor=world.reviewer)
    assert record is not None and record.status == ImportRecord.Status.APPLIED, preview.errors
    d = Disclosure.objects.get(unit=world.unit_a)
    assert d.published_by == world.reviewer and d.period == world.period
    # a new unit is made under the importer's office, never elsewhere
    record, preview = services.disclosure_import(data=doc_bytes("新建局"), filename="n.json", actor=world.outsider)
    assert record is not None, preview.errors
    new = Organization.objects.get(name="新建局")
    assert (new.kind, new.parent) == (Organization.Kind.UNIT, world.other_office)
    assert Disclosure.objects.get(unit=new).period.cycle.office == world.other_office
    assert AuditLog.objects.filter(action="organization.create", object_id=str(new.pk), actor=world.outsider).exists()


def test_an_office_must_be_one_the_reviewer_reviews(world):
    before = counts()
    with pytest.raises(PermissionDenied):
        services.disclosure_import(data=doc_bytes("新建局"), filename="x.json", actor=world.reviewer,
                                   office=world.other_office)
    with pytest.raises(PermissionDenied):
        services.disclosure_import_preview(data=doc_bytes("新建局"), filename="x.json", actor=world.reviewer,
                                           office=world.other_office)
    assert counts() == before


def test_documents_naming_no_unit_go_to_the_importing_offices_own_unnamed_unit(world):
    def unnamed(actor):
        year = 2020 + len(Disclosure.objects.all())  # other bytes each time: the same bytes are imported once only
        record, preview = services.disclosure_import(data=doc_bytes(None, year=year), filename="gap.json",
                                                     actor=actor)
        assert record is not None, preview.errors
        assert any(services.UNNAMED_UNIT in w for w in preview.warnings)
        return record.submission.unit

    operator = unnamed(None)
    assert operator.name == services.UNNAMED_UNIT and operator.parent.name == "绩效考核办公室"
    mine = unnamed(world.reviewer)
    assert mine.parent == world.office and mine.name == services.unnamed_unit_name(world.office.name)
    theirs = unnamed(world.outsider)
    assert theirs.parent == world.other_office and theirs.name.startswith(services.UNNAMED_UNIT)
    assert len({operator.pk, mine.pk, theirs.pk}) == 3
    for unit in (operator, mine, theirs):
        assert Disclosure.objects.get(unit=unit).published_by in (None, world.reviewer, world.outsider)
    # another office's unnamed unit is as out of reach as any other of its units
    record, preview = services.disclosure_import(data=doc_bytes(theirs.name), filename="t.json", actor=world.reviewer)
    assert record is None and theirs.name in " ".join(preview.errors)


def test_a_reviewer_of_two_offices_imports_into_the_one_the_unit_belongs_to_or_chooses(world, unit_c):
    both = make_user("both", world.office, Membership.Role.REVIEWER)
    Membership.objects.create(user=both, organization=world.other_office, role=Membership.Role.REVIEWER)
    record, preview = services.disclosure_import(data=doc_bytes("丙单位", period="上半年"), filename="c2.json",
                                                 actor=both)
    assert record is not None and record.submission.unit == unit_c, preview.errors
    before = counts()
    record, preview = services.disclosure_import(data=doc_bytes("又一新局"), filename="new.json", actor=both)
    assert record is None and "请选择" in " ".join(preview.errors) and "又一新局" in " ".join(preview.errors)
    assert counts() == before
    record, preview = services.disclosure_import(data=doc_bytes("又一新局"), filename="new.json", actor=both,
                                                 office=world.other_office)
    assert record is not None and record.submission.unit.parent == world.other_office


def test_a_unit_taken_by_another_office_meanwhile_is_refused_at_import(world, monkeypatch):
    """Between the preview and the write another office makes the unit: the import writes nothing."""
    real = services.disclosure_import_preview

    def then_taken(**kwargs):
        preview = real(**kwargs)
        Organization.objects.create(name="抢先局", parent=world.other_office)
        return preview

    monkeypatch.setattr(services, "disclosure_import_preview", then_taken)
    record, preview = services.disclosure_import(data=doc_bytes("抢先局"), filename="race.json",
                                                 actor=world.reviewer)
    monkeypatch.undo()
    assert record is None and "race.json" in preview.errors[-1] and "抢先局" in preview.errors[-1]
    assert not Submission.objects.filter(unit__name="抢先局").exists()
    assert not ImportRecord.objects.filter(filename="race.json").exists()


# --- the upload page ----------------------------------------------------------------------------------


def _upload(client, data: bytes, name: str, **extra):
    return client.post(reverse("import-upload"), {"file": SimpleUploadedFile(name, data), **extra})


def test_upload_preview_refuses_another_offices_unit(client, world, unit_c):
    client.force_login(world.outsider)
    before = counts()
    r = _upload(client, doc_bytes("甲单位"), "jia.json")
    html = r.content.decode()
    assert r.status_code == 200
    assert "jia.json" in html and "“甲单位”" in html and "其他考核办" in html
    assert 'name="confirm"' not in html  # nothing to confirm
    assert counts() == before  # not even a preview record
    r = _upload(client, doc_bytes("测试考核办"), "office.json")
    assert "“测试考核办”" in r.content.decode() and 'name="confirm"' not in r.content.decode()
    assert counts() == before


def test_upload_preview_shows_where_it_goes(client, world):
    client.force_login(world.reviewer)
    html = _upload(client, doc_bytes("新建局"), "n.json").content.decode()
    assert "测试考核办" in html and "新单位" in html and 'name="confirm"' in html
    assert not re.search(r'name="office"', html.split("<form", 2)[1])  # one office: nothing to choose


def test_upload_confirm_refuses_and_writes_nothing(client, world, unit_c):
    """A preview made while the unit was still free (or by hand) cannot be confirmed into another office."""
    client.force_login(world.outsider)
    stale = ImportRecord.objects.create(sha256="0" * 64, filename="stale.json", original=doc_bytes("乙单位"),
                                        created_by=world.outsider)
    before = counts()
    r = client.post(reverse("import-upload"), {"confirm": stale.pk}, follow=True)
    html = r.content.decode()
    assert r.status_code == 200 and "stale.json" in html and "“乙单位”" in html
    assert counts() == before
    stale.refresh_from_db()
    assert stale.status == ImportRecord.Status.PREVIEW
    assert not Disclosure.objects.filter(unit=world.unit_b).exists()


def test_upload_confirm_into_an_office_not_reviewed_is_forbidden(client, world):
    client.force_login(world.reviewer)
    r = _upload(client, doc_bytes("新建局"), "n.json")
    record = r.context["record"]
    before = counts()
    r = client.post(reverse("import-upload"), {"confirm": record.pk, "office": world.other_office.pk})
    assert r.status_code == 403
    assert counts() == before
    r = client.post(reverse("import-upload"), {"confirm": record.pk, "office": world.office.pk})
    assert r.status_code == 302
    assert Organization.objects.get(name="新建局").parent == world.office


def test_upload_then_confirm_in_ones_own_office(client, world):
    client.force_login(world.reviewer)
    r = _upload(client, doc_bytes("甲单位"), "a.json")
    record = r.context["record"]
    r = client.post(reverse("import-upload"), {"confirm": record.pk, "office": world.office.pk})
    assert r.status_code == 302
    d = Disclosure.objects.get(unit=world.unit_a)
    assert d.published_by == world.reviewer
    assert not ImportRecord.objects.filter(status=ImportRecord.Status.PREVIEW).exists()


def test_a_reviewer_of_two_offices_chooses_among_their_own_only(client, world):
    both = make_user("both", world.office, Membership.Role.REVIEWER)
    Membership.objects.create(user=both, organization=world.other_office, role=Membership.Role.REVIEWER)
    stranger = Organization.objects.create(name="第三考核办", kind=Organization.Kind.OFFICE)
    client.force_login(both)
    html = client.get(reverse("import-upload")).content.decode()
    offered = set(map(int, re.findall(r'<option value="(\d+)"', html)))
    assert offered == {world.office.pk, world.other_office.pk}
    before = counts()
    r = _upload(client, doc_bytes("新建局"), "n.json", office=stranger.pk)
    assert r.status_code == 200 and "preview" not in r.context and r.context["form"].errors.get("office")
    assert counts() == before
    r = _upload(client, doc_bytes("新建局"), "n.json", office=world.other_office.pk)
    record = r.context["record"]
    assert f'name="office" value="{world.other_office.pk}"' in r.content.decode()
    client.post(reverse("import-upload"), {"confirm": record.pk, "office": world.other_office.pk})
    assert Organization.objects.get(name="新建局").parent == world.other_office


# --- the command line -------------------------------------------------------------------------------


def test_management_command_refuses_another_offices_unit(world, tmp_path):
    path = tmp_path / "jia.json"
    path.write_bytes(doc_bytes("甲单位"))
    before = counts()
    for extra in ([], ["--office", "另一考核办"], ["--dry-run"], ["--office", "另一考核办", "--dry-run"],
                  ["--office", "新办", "--dry-run"]):
        err = io.StringIO()
        with pytest.raises(CommandError):
            call_command("import_disclosure", str(path), *extra, stdout=io.StringIO(), stderr=err)
        assert "jia.json" in err.getvalue() and "“甲单位”" in err.getvalue(), extra
        assert counts() == before, extra
    office = tmp_path / "office.json"
    office.write_bytes(doc_bytes("另一考核办"))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_disclosure", str(office), "--office", "测试考核办", stdout=io.StringIO(), stderr=err)
    assert "“另一考核办”" in err.getvalue()
    with pytest.raises(CommandError, match="甲单位"):
        call_command("import_disclosure", str(path), "--office", "甲单位", stdout=io.StringIO(),
                     stderr=io.StringIO())
    assert counts() == before


def test_management_command_imports_into_the_office_named(world, tmp_path):
    path = tmp_path / "jia.json"
    path.write_bytes(doc_bytes("甲单位"))
    out = io.StringIO()
    call_command("import_disclosure", str(path), "--office", "测试考核办", "--dry-run", stdout=out)
    assert "测试考核办 / 甲单位" in out.getvalue() and Disclosure.objects.count() == 0
    call_command("import_disclosure", str(path), "--office", "测试考核办", stdout=io.StringIO())
    assert Disclosure.objects.get().unit == world.unit_a
    new = tmp_path / "new.json"
    new.write_bytes(doc_bytes("命令行新局"))
    call_command("import_disclosure", str(new), "--office", "命令行考核办", stdout=io.StringIO())
    unit = Organization.objects.get(name="命令行新局")
    assert unit.parent.name == "命令行考核办" and unit.parent.kind == Organization.Kind.OFFICE


def test_bulk_import_refuses_another_offices_unit(world, unit_c, tmp_path):
    (tmp_path / "jia.json").write_bytes(doc_bytes("甲单位"))
    (tmp_path / "office.json").write_bytes(doc_bytes("测试考核办"))
    both = [Doc(title="新建局2024年", rows=[Row(*ROWS[0])], organization="新建局", year=2024, period="全年"),
            Doc(title="乙单位2024年", rows=[Row(*ROWS[0])], organization="乙单位", year=2024, period="上半年")]
    (tmp_path / "pair.json").write_bytes(write_disclosures(both, "json"))
    before = counts()
    summary = bulk.run([tmp_path], jobs=1, office_name="另一考核办", progress=False)
    assert [f.status for f in summary.files] == ["failed"] * 3
    assert all(f.bad_input for f in summary.files)
    messages = {e["file"].rsplit("/", 1)[-1]: e["message"] for e in summary.errors}
    assert "“甲单位”" in messages["jia.json"] and "jia.json" in messages["jia.json"]
    assert "“测试考核办”" in messages["office.json"]
    assert "“乙单位”" in messages["pair.json"]
    assert counts() == before  # the pair is all or nothing: 新建局 is not made either
    # without --office: the default office, which 甲单位 is not a unit of either
    summary = bulk.run([tmp_path / "jia.json"], jobs=1, progress=False)
    assert summary.files[0].status == "failed" and "“甲单位”" in summary.files[0].message
    assert counts() == before
    with pytest.raises(bulk.OfficeError, match="甲单位"):
        bulk.run([tmp_path / "jia.json"], jobs=1, office_name="甲单位", progress=False)
    assert counts() == before
    # into its own office, the same file goes in
    summary = bulk.run([tmp_path / "jia.json"], jobs=1, office_name="测试考核办", progress=False)
    assert summary.files[0].status == "imported"
    assert Disclosure.objects.get(unit=world.unit_a).published_by is None


@pytest.mark.django_db(transaction=True)
def test_jixiao_import_with_a_units_name_as_office_stops_with_status_2(tmp_path, capsys):
    from jixiao import cli

    office = Organization.objects.create(name="命令考核办", kind=Organization.Kind.OFFICE)
    Organization.objects.create(name="命令甲局", parent=office)
    f = tmp_path / "x.json"
    f.write_bytes(doc_bytes("命令乙局"))
    before = counts()
    assert cli.main(["import", str(f), "--office", "命令甲局", "--quiet", "--errors", str(tmp_path / "e.csv")]) == 2
    err = capsys.readouterr().err
    assert "命令甲局" in err and "Traceback" not in err
    assert counts() == before
