"""Project profiles: ``abstract-qa.toml`` (or ``.cfg``) choosing checks, severities, glossary and
language pairs, found in the working directory or named with ``--config``.

TOML::

    [abstract-qa]
    glossary = "glossaries/peer-workforce.csv"
    checks = ["term-missing", "term-forbidden", "number-mismatch"]
    fail_on = "warning"
    ignore = "reviewed.ignore"
    pairs = ["en-zh", "en-ja"]

    [abstract-qa.severity]
    number-mismatch = "warning"

INI (``abstract-qa.cfg``): the same keys in an ``[abstract-qa]`` section (lists comma-separated)
and ``[abstract-qa.severity]``.
"""
from __future__ import annotations

import configparser
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .languages import normalize_tag
from .models import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("abstract-qa.toml", "abstract-qa.cfg")
_KEYS = {"glossary", "checks", "fail_on", "ignore", "pairs", "severity", "recursive", "encoding",
         "jobs"}


@dataclass(frozen=True)
class Config:
    path: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    pairs: frozenset[tuple[str, str]] | None = None


def find_config(cwd: Path) -> Path | None:
    """The project config in ``cwd``, if there is one."""
    for name in CONFIG_NAMES:
        if (cwd / name).is_file():
            return cwd / name
    return None


def load_config(path: Path) -> Config:
    """Read and validate a profile; paths in it are relative to its folder."""
    raw = _read(path)
    unknown = set(raw) - _KEYS
    if unknown:
        raise ConfigError(f"unknown setting {', '.join(sorted(unknown))} "
                          f"(known: {', '.join(sorted(_KEYS))})", path=str(path))
    values: dict[str, Any] = {}
    for key in ("glossary", "ignore"):
        if key in raw:
            values[key] = str((path.parent / str(raw[key])).resolve())
    if "checks" in raw:
        values["checks"] = ",".join(_list(raw["checks"]))
    if "fail_on" in raw:
        if raw["fail_on"] not in (*SEVERITIES, "never"):
            raise ConfigError(f"fail_on must be error, warning, info or never, not {raw['fail_on']!r}",
                              path=str(path))
        values["fail_on"] = raw["fail_on"]
    for key in ("recursive", "encoding", "jobs"):
        if key in raw:
            values[key] = raw[key]
    severities = {str(k): str(v) for k, v in dict(raw.get("severity", {})).items()}
    for check_id, sev in severities.items():
        if sev not in SEVERITIES:
            raise ConfigError(f"severity of {check_id} must be error, warning or info, not {sev!r}",
                              path=str(path))
    pairs = None
    if "pairs" in raw:
        pairs = frozenset(_pair(p, path) for p in _list(raw["pairs"]))
    return Config(str(path), values, severities, pairs)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path=str(path)) from None
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"not valid TOML: {exc}", path=str(path)) from None
        section = data.get("abstract-qa", data.get("tool", {}).get("abstract-qa"))
        if not isinstance(section, dict):
            raise ConfigError("no [abstract-qa] table", path=str(path))
        return section
    parser = configparser.ConfigParser()
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise ConfigError(f"not a valid config file: {exc.message}", path=str(path)) from None
    if not parser.has_section("abstract-qa"):
        raise ConfigError("no [abstract-qa] section", path=str(path))
    raw: dict[str, Any] = dict(parser["abstract-qa"])
    if parser.has_section("abstract-qa.severity"):
        raw["severity"] = dict(parser["abstract-qa.severity"])
    if "recursive" in raw:
        raw["recursive"] = parser.getboolean("abstract-qa", "recursive")
    if "jobs" in raw:
        raw["jobs"] = parser.getint("abstract-qa", "jobs")
    return raw


def _list(value: Any) -> list[str]:
    items = value if isinstance(value, list) else str(value).split(",")
    return [str(x).strip() for x in items if str(x).strip()]


def _pair(text: str, path: Path) -> tuple[str, str]:
    parts = text.replace("→", "-").replace(">", "-").split("-")
    if len(parts) != 2:
        raise ConfigError(f"a pair is written like en-zh, not {text!r}", path=str(path))
    return normalize_tag(parts[0], path=str(path)), normalize_tag(parts[1], path=str(path))
