"""The page in a real browser: map, timeline brushing, source view, URL state, and untrusted text kept inert."""

import sqlite3
from collections import Counter
from urllib.parse import parse_qs, urlsplit


def located_events(api_store) -> Counter:
    with sqlite3.connect(api_store) as conn:
        rows = conn.execute("SELECT type FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL").fetchall()
    return Counter(t for (t,) in rows)


def list_length(page) -> int:
    return page.page.locator("#event-list li.event").count()


def test_page_loads_without_console_errors(page):
    page.open()
    assert page.page.locator("#event-list li.event").count() > 0
    assert page.page.locator("#timeline rect.bar").count() > 0
    assert page.errors == []


def test_page_map_shows_one_marker_per_located_event(page, api_store):
    page.open()
    expected = located_events(api_store)
    classes = page.page.locator("path.event-marker").evaluate_all("ps => ps.map(p => p.getAttribute('class'))")
    shown = Counter(next(c[5:] for c in cls.split() if c.startswith("type-")) for cls in classes)
    assert sum(expected.values()) >= 3 and shown == expected
    assert page.page.locator("path.land").count() > 100  # the offline basemap's countries
    page.screenshot("map")
    assert page.errors == []


def test_page_clicking_an_event_shows_its_article_with_the_quote_highlighted(page):
    page.open()
    page.page.locator("#event-list li.event", has_text="arrived").first.click()
    page.wait_ready()
    text = page.page.locator("#article-text")
    quote = text.locator(".q", has_text="We have beds for half of them")
    assert quote.count() == 1
    color = quote.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")
    assert text.locator(".selected-trigger").inner_text() == "arrived"
    assert text.locator(".pl", has_text="Ciudad Juárez").count() == 1
    assert page.page.locator("#source-speakers", has_text="Marta Lozano").count() == 1
    assert "article=juarez-shelter-arrivals" in page.page.url
    page.screenshot("source")
    assert page.errors == []


def test_page_brushing_the_timeline_shortens_the_list(page):
    page.open()
    before = list_length(page)
    box = page.page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.page.mouse.move(box["x"] + 40, y)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + box["width"] * 0.35, y, steps=5)
    page.page.mouse.up()
    page.page.wait_for_url("**from=*")
    page.wait_ready()
    after = list_length(page)
    assert 0 < after < before
    query = parse_qs(urlsplit(page.page.url).query)
    days = page.page.locator("#event-list li.event .event-head span:not(.chip)").all_inner_texts()
    assert all(query["from"][0] <= day[:10] <= query["to"][0] for day in days)
    assert page.page.locator("path.event-marker").count() < before
    page.screenshot("brushed")
    assert page.errors == []


def test_page_filters_live_in_the_url(page):
    page.open("?type=detain")
    assert list_length(page) == 1
    assert page.page.locator("#type-filter input[value=detain]").is_checked()
    page.page.locator("#type-filter input[value=block]").check()
    page.wait_ready()
    assert set(parse_qs(urlsplit(page.page.url).query)["type"][0].split(",")) == {"detain", "block"}
    page.page.reload()
    page.wait_ready()
    assert list_length(page) == 3  # one detention, the roadblock as two outlets told it


def test_page_article_markup_is_shown_as_text_and_runs_nothing(page):
    page.open("?article=darien-crossing-comment")
    page.page.wait_for_selector("#article-text .q")
    text = page.page.locator("#article-text")
    shown = text.inner_text()
    assert "<script>window.__xss = 1</script>" in shown
    assert '<img src=x onerror="window.__xss = 2">' in shown
    assert text.locator("script, img").count() == 0
    assert page.page.locator("#source-title").inner_text() == "<b>Migrants</b> cross the Darién"
    assert page.page.evaluate("() => window.__xss") is None
    assert page.errors == []


def test_page_movement_view_shows_route_legs_and_sizes_with_sources(page):
    page.open("?view=movements")
    page.page.locator("#movement-list li", has_text="caravan").first.click()
    page.page.wait_for_selector("#legs-table tbody tr")
    page.wait_ready()
    movement_id = page.page.locator("#movement-list li.selected").get_attribute("data-id")
    movement = page.page.request.get(f"{page.base}/api/movements/{movement_id}").json()
    located = [leg for leg in movement["legs"] if leg["lat"] is not None]
    assert page.page.locator("#legs-table tbody tr").count() == len(movement["legs"])
    assert page.page.locator("path.leg-marker").count() == len(located) >= 2
    assert page.page.locator("path.route-line").count() == 1
    assert page.page.locator("path.event-marker").count() == 0  # the events give way to the route
    assert page.page.locator("#counts-table tbody tr").count() == len(movement["counts"])
    assert f"movement={movement_id}" in page.page.url
    page.screenshot("movement")
    source = page.page.locator("#counts-table button.size-report").first
    article = source.get_attribute("data-article")
    source.click()
    page.page.wait_for_selector("#article-text .qt")
    assert f"article={article}" in page.page.url
    assert page.errors == []


def test_page_linked_events_show_one_entry_and_marker_each(page, api_store):
    page.open("?level=canonical")
    linked = page.page.request.get(f"{page.base}/api/events?level=canonical&limit=1000").json()["items"]
    assert page.page.locator("#event-list li.event[data-canonical]").count() == len(linked) > 0
    located = [e for e in linked if e["lat"] is not None and e["lon"] is not None]
    assert page.page.locator("path.event-marker").count() == len(located)
    assert page.page.locator("#level-filter").input_value() == "canonical"
    page.page.locator("#event-list li.event.type-block").first.click()
    page.page.wait_for_selector("#article-text .selected-trigger")
    reports = page.page.locator("#report-list button")
    assert reports.count() == 2  # the roadblock as two outlets told it
    page.screenshot("linked-source")
    other = reports.filter(has_text="Pacific Post")
    other.click()
    page.page.wait_for_url("**article=huixtla-roadblock-witnesses*")
    page.page.wait_for_selector("#article-text .selected-trigger")
    assert page.page.locator("#article-text .selected-trigger").inner_text() == "blocked"
    assert page.errors == []


def test_page_api_docs_work_offline_under_the_same_policy(page):
    page.page.goto(f"{page.base}/docs")
    page.page.wait_for_selector(".swagger-ui .opblock-tag", timeout=20_000)
    assert page.page.locator(".opblock-summary-path", has_text="/api/movements/{movement_id}").count() == 1
    assert page.errors == []
