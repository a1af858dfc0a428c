"""/screen: names one per line or a CSV upload; each match with list, date, citation and the
parent a listing comes through; the JSON twin gives the same answers."""

from __future__ import annotations

from urllib.parse import quote

from tests.portal.markup import Page


def test_names_one_per_line_show_list_date_citation_and_parent(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/screen?q=" + quote("Ezviz\nHangzhou Hikvision Digital Technology Co Ltd\n"
                                           "Acme Bakery Ltd")).text
    assert "3 names screened, 2 on a list" in html
    assert "via parent Hikvision" in html
    assert "Test citation for the portal fixtures" in html
    assert '<a class="official" href="https://www.govinfo.gov/link/fr/84/54002"' in html
    assert '<time datetime="2019-10-09">2019-10-09</time>' in html
    assert "No match" in html and "Matcher oversight-screen-" in html
    assert "US Entity List (registry, as of 2019-10-09, 1 entries)" in html


def test_the_json_twin_gives_the_same_answers(client) -> None:  # type: ignore[no-untyped-def]
    page = Page(client.get("/screen?q=" + quote("Ezviz\nAcme Bakery Ltd")).text)
    [twin] = [a.attrs["href"] for a in page.tags("a") if a.attrs.get("type") == "application/json"]
    body = client.get(twin).json()
    assert [r["query"] for r in body] == ["Ezviz", "Acme Bakery Ltd"]
    assert body[0]["match"]["lists"][0]["via"] == "Hikvision" and body[1]["match"] is None
    assert client.get("/api/v1/screen?q=Ezviz&q=Acme").json()[0]["query"] == "Ezviz"


def test_a_csv_upload_is_screened(client) -> None:  # type: ignore[no-untyped-def]
    csv = "supplier,city\nEzviz,Hangzhou\n=cmd|' /C calc'!A0,x\n"
    response = client.post("/screen", files={"file": ("suppliers.csv", csv, "text/csv")},
                           data={"column": "supplier"})
    assert response.status_code == 200
    assert "2 names screened, 1 on a list" in response.text


def test_a_bad_upload_says_file_line_and_column(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/screen", files={"file": ("suppliers.csv", "vendor\nEzviz\n", "text/csv")},
                           data={"column": "supplier"})
    assert response.status_code == 422
    assert "suppliers.csv:1 [supplier]: no such column; columns are: vendor" in response.text


def test_bad_options_are_messages_not_errors(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/screen?q=Ezviz&threshold=2&as_of=yesterday")
    assert response.status_code == 422
    assert "threshold must be a number" in response.text and "YYYY-MM-DD" in response.text


def test_as_of_before_the_listing_shows_no_list(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/screen?q=Ezviz&as_of=2018-01-01").text
    assert "1 name screened, 0 on a list" in html and "On no list on that date" in html


def test_the_empty_page_has_the_form(client) -> None:  # type: ignore[no-untyped-def]
    page = Page(client.get("/screen").text)
    assert {"q", "threshold", "as_of", "file", "column"} <= {t.attrs.get("name") for t in page.all}


def test_results_stack_on_a_phone_like_every_data_table(client) -> None:  # type: ignore[no-untyped-def]
    """The results table is a `data` table whose cells carry their column's label, so the phone
    stylesheet stacks it instead of letting it run off the screen."""
    page = Page(client.get("/screen?q=" + quote("Ezviz\nAcme Bakery Ltd")).text)
    [table] = page.tags("table", id="screen-results")
    assert "data" in table.attrs["class"].split()
    labels = {td.attrs.get("data-label") for td in page.tags("td")}
    assert {"Match", "Score", "Lists", "Why"} <= labels and None not in labels
