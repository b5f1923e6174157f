"""Related incidents: the same site within seven days, and the strikes in the two weeks after an attack."""

from hudna import related
from hudna.loading import read_dataset


def test_same_site_and_following_strikes(editable):
    editable.set("incidents", 7, "date", "2023-10-24")  # T-0006 at Ain al-Asad, 7 days after T-0001
    editable.set("incidents", 4, "date", "2023-10-25")  # T-0003, a US strike, 7 days after T-0002
    ds = read_dataset(editable.folder)
    assert list(related.same_site_nearby(ds, "T-0001")["incident_id"]) == ["T-0006"]
    assert list(related.same_site_nearby(ds, "T-0006")["incident_id"]) == ["T-0001"]
    assert related.same_site_nearby(ds, "T-0004").empty  # no site
    after = related.strikes_after(ds, "T-0002")
    assert list(after["incident_id"]) == ["T-0003"] and list(after["days_after"]) == [7]
    assert list(related.strikes_after(ds, "T-0001")["days_after"]) == [8]
    assert list(related.strikes_after(ds, "T-0006")["days_after"]) == [1]  # moved to 24 Oct: the strike is a day later
    assert related.strikes_after(ds, "T-0003").empty  # only attacks have strikes that followed
    assert related.incident_row(ds, "NOPE") is None
