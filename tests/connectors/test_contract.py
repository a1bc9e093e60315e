"""What every connector promises, checked against every backend of the ``backend`` fixture."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import connectors
from connectors.base import Connector, Item, build_connector, connector_kinds
from connectors.errors import ItemChanged


def listed(connector: Connector, key: str) -> Item:
    """The item listed under ``key``."""
    found = [i for i in connector.list_items() if isinstance(i, Item) and i.key == key]
    assert len(found) == 1, f"{key} listed {len(found)} times"
    return found[0]


def test_a_created_item_is_listed_with_a_fingerprint(backend: Any) -> None:
    key = backend.put("contract/a.txt", b"hello")
    item = listed(backend.connector, key)
    assert item.fingerprint
    assert item.size in (None, 5)


def test_read_bytes_returns_the_items_bytes(backend: Any) -> None:
    key = backend.put("contract/a.txt", b"patient \x00\xff bytes")
    assert backend.connector.read_bytes(listed(backend.connector, key)) == (
        b"patient \x00\xff bytes"
    )


def test_after_delete_the_item_no_longer_exists(backend: Any) -> None:
    item = listed(backend.connector, backend.put("contract/a.txt", b"hello"))
    assert backend.connector.exists(item)
    backend.connector.delete(item)
    assert not backend.connector.exists(item)
    assert item.key not in {i.key for i in backend.connector.list_items()}


def test_deleting_again_is_harmless(backend: Any) -> None:
    item = listed(backend.connector, backend.put("contract/a.txt", b"hello"))
    backend.connector.delete(item)
    backend.connector.delete(item)
    assert not backend.connector.exists(item)


def test_a_changed_item_is_refused_and_kept(backend: Any) -> None:
    key = backend.put("contract/a.txt", b"approved")
    item = listed(backend.connector, key)
    backend.put(key, b"changed since approval")
    with pytest.raises(ItemChanged) as raised:
        backend.connector.delete(item)
    assert raised.value.key == key
    assert backend.connector.read_bytes(listed(backend.connector, key)) == (
        b"changed since approval"
    )


def test_the_configuration_builds_the_same_kind_of_connector(backend: Any) -> None:
    with build_connector(backend.config) as built:
        assert type(built) is type(backend.connector)
        assert built.options.name == backend.config["name"]


def test_an_unknown_option_is_rejected_naming_the_field(backend: Any) -> None:
    with pytest.raises(ValidationError, match="colour"):
        build_connector({**backend.config, "colour": "blue"})


def test_a_missing_option_is_rejected_naming_the_field(backend: Any) -> None:
    config = {k: v for k, v in backend.config.items() if k != "name"}
    with pytest.raises(ValidationError, match="name"):
        build_connector(config)


def test_importing_the_package_registers_the_built_in_kinds() -> None:
    assert connectors.files.FilesConnector.kind in connector_kinds()
    assert "files" in connector_kinds()


def test_an_unknown_kind_is_rejected_listing_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown source kind 'ftp' \\(known: .*files"):
        build_connector({"name": "x", "kind": "ftp"})


def test_building_a_files_source_from_configuration(tmp_path: Path) -> None:
    connector = build_connector({"name": "charts", "kind": "files", "path": str(tmp_path)})
    assert isinstance(connector, connectors.files.FilesConnector)
    assert list(connector.list_items()) == []


def test_a_files_source_without_a_path_is_rejected_naming_it() -> None:
    with pytest.raises(ValidationError, match="path"):
        build_connector({"name": "charts", "kind": "files"})
