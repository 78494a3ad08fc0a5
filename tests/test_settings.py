"""Settings: defaults, the config file, environment variables and overrides, and their documentation."""

import dataclasses
import tomllib

from caravan.settings import DEFAULTS_FILE, Settings, load_settings


def test_settings_defaults_file_documents_every_setting_with_its_default():
    documented = tomllib.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))["caravan"]
    defaults = Settings()
    names = {f.name for f in dataclasses.fields(Settings)} - {"extra"}
    assert set(documented) == names
    for name in names:
        value = getattr(defaults, name)
        assert documented[name] == (list(value) if isinstance(value, tuple) else value), name


def test_settings_layers_file_env_and_overrides(tmp_path, monkeypatch):
    config = tmp_path / "settings.toml"
    config.write_text('[caravan]\nmax_bytes = 5\nmodel_en = "en_core_web_sm"\nlanguages = ["en"]\n')
    monkeypatch.setenv("CARAVAN_MAX_BYTES", "7")
    monkeypatch.setenv("CARAVAN_ALLOW_PRIVATE", "yes")
    settings = load_settings(config, timeout=3.0, db_path=None)
    assert settings.model_en == "en_core_web_sm"
    assert settings.languages == ("en",)
    assert settings.max_bytes == 7
    assert settings.allow_private is True
    assert settings.timeout == 3.0
    assert settings.db_path == Settings().db_path


def test_settings_keeps_unknown_keys_apart(tmp_path):
    config = tmp_path / "settings.toml"
    config.write_text("[caravan]\nfuture_option = 1\n")
    assert load_settings(config).extra == {"future_option": 1}
