"""Units shown as a tree (the organisation, the staffing table): each unit's item under its parent unit's."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def place_unit(tree: QTreeWidget, items: dict[int, QTreeWidgetItem], unit_id: int, parent_id: int | None,
               item: QTreeWidgetItem) -> None:
    """Put unit `unit_id`'s `item` under its parent unit's item in `items` (units come parents first), or at the
    top of `tree` when it has none there; then remember it in `items`."""
    parent = items.get(parent_id) if parent_id is not None else None
    if parent is None:
        tree.addTopLevelItem(item)
    else:
        parent.addChild(item)
    items[unit_id] = item
