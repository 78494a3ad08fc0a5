"""The app as a whole: its OpenAPI description, the docs page, the page config and the error mapping."""

import pytest

from caravan.api.errors import status_of
from caravan.errors import FetchError, NotFoundError, PrivateAddressError, SourceError, StoreError, TooLargeError


def test_app_openapi_describes_every_resource(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/events/timeline",
        "/api/quotes",
        "/api/places",
        "/api/movements",
        "/api/movements/{movement_id}",
    ]:
        assert path in paths, path
    assert "post" in paths["/api/articles"]


def test_app_serves_docs_and_the_page(client):
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    assert client.get("/static/vendor/leaflet/LICENSE").status_code == 200


def test_app_config_tells_the_page_about_tiles(client):
    config = client.get("/api/config").json()
    assert config["tile_url"] == ""


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NotFoundError("article", "x"), 404),
        (PrivateAddressError("u", "private"), 400),
        (TooLargeError("u", "big"), 413),
        (FetchError("u", "down"), 502),
        (SourceError("u", "empty"), 422),
        (StoreError("locked"), 503),
    ],
)
def test_app_maps_domain_errors_to_http(error, status):
    assert status_of(error) == status


def test_app_missing_store_is_503(tmp_path):
    from fastapi.testclient import TestClient

    from caravan.api import create_app
    from caravan.settings import Settings

    with TestClient(create_app(Settings(db_path=str(tmp_path / "none.db")))) as test_client:
        response = test_client.get("/api/articles")
    assert response.status_code == 503 and "no store" in response.json()["detail"]
