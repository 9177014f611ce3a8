"""Qt's own dialogs speak Vietnamese with the Vietnamese interface: file, print and preview dialogs, standard
buttons (resources/i18n/qt_vi.ts, since Qt ships no Vietnamese), and English again with the English interface."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFileIconProvider,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from tests.ui.test_translations import is_finished, messages, translations
from ui.app import install_translation
from ui.i18n_update import QT_QM_FILE, QT_TS_FILE, lrelease, tool

ENGLISH = ("Look in", "File name", "Files of type", "Save", "Cancel", "Open", "Print", "Printer", "Options >>",
           "Properties", "Copies", "Print range", "Zoom in", "Next page", "Page setup", "All Files", "Back",
           "Detail View", "Create New Folder", "Output Settings", "Collate")


def shown_texts(widget: QWidget) -> set[str]:
    """Every text the officer can read on a dialog: labels, buttons, group and tab titles, tool tips, actions."""
    out = {widget.windowTitle()}
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            out.add(child.text())
        if isinstance(child, QGroupBox):
            out.add(child.title())
        if isinstance(child, QTabWidget):
            out.update(child.tabText(i) for i in range(child.count()))
        if isinstance(child, QComboBox):
            out.update(child.itemText(i) for i in range(child.count()))
        out.add(child.toolTip())
    for action in widget.findChildren(QAction):
        out.update((action.text(), action.toolTip()))
    return {t.replace("&", "") for t in out if t}


def english_in(texts: set[str]) -> list[str]:
    return sorted(t for t in texts for word in ENGLISH if word.lower() in t.lower())


def file_dialog() -> QFileDialog:
    dialog = QFileDialog(None, "Lưu danh sách")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog


def test_the_file_dialog_is_vietnamese(qtbot, tmp_path):
    dialog = file_dialog()
    qtbot.addWidget(dialog)
    texts = shown_texts(dialog)
    assert english_in(texts) == []
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:", "Lưu", "Hủy", "Tất cả các tệp (*)"} <= texts
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "Thư mục"  # the Type column of a folder


def test_the_buttons_of_a_button_box_and_a_message_box_are_vietnamese(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"Lưu", "Hủy", "Mở", "Đóng"}
    message = QMessageBox(QMessageBox.Icon.Question, "Xác nhận", "Xóa?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Có", "Không"}


def test_the_print_and_preview_dialogs_are_vietnamese(qtbot):
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    texts = shown_texts(dialog)
    assert english_in(texts) == []
    assert {"In", "Tùy chọn >>", "Máy in", "Thuộc tính", "Số bản:", "Phạm vi in"} <= texts
    preview = QPrintPreviewDialog(printer)
    qtbot.addWidget(preview)
    texts = shown_texts(preview)
    assert english_in(texts) == []
    assert {"Xem trước khi in", "Phóng to", "Trang sau", "Thiết lập trang", "In"} <= texts


def test_the_english_interface_has_qts_english_dialogs(qtbot, qapp):
    install_translation(qapp, "en")
    dialog = file_dialog()
    qtbot.addWidget(dialog)
    texts = shown_texts(dialog)
    assert {"Look in:", "File name:", "Save", "Cancel"} <= texts
    assert not [t for t in texts if "Tìm trong" in t or "Tên tệp" in t]


def test_the_systems_dialogs_are_used_only_when_they_speak_the_interfaces_language(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale, Qt

    from ui.app import use_qt_dialogs

    native_off = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    assert use_qt_dialogs("vi", QLocale.Language.English) is True
    assert QCoreApplication.testAttribute(native_off)
    assert use_qt_dialogs("vi", QLocale.Language.Vietnamese) is False
    assert not QCoreApplication.testAttribute(native_off)
    assert use_qt_dialogs("en", QLocale.Language.Vietnamese) is True
    assert use_qt_dialogs("en", QLocale.Language.English) is False
    install_translation(qapp, "vi")
    assert QCoreApplication.testAttribute(native_off) == (QLocale.system().language() != QLocale.Language.Vietnamese)


def test_the_qt_translation_is_finished_and_keeps_placeholders_and_accelerators():
    shipped = messages(QT_TS_FILE)
    assert len(shipped) > 250
    assert [key for key, m in shipped.items() if not is_finished(m)] == []
    for (context, source), message in shipped.items():
        for text in translations(message):
            for placeholder in ("%1", "%2"):
                assert (placeholder in source) == (placeholder in text), (context, source, text)
            if "&" in source and context != "QPlatformTheme":
                assert "&" in text, (context, source, text)


def test_the_compiled_qt_translation_is_up_to_date(tmp_path):
    try:
        tool("pyside6-lrelease")
    except FileNotFoundError:
        pytest.skip("pyside6-lrelease not installed")
    copy = tmp_path / "qt_vi.ts"
    shutil.copyfile(QT_TS_FILE, copy)
    rebuilt = tmp_path / "qt_vi.qm"
    lrelease(copy, rebuilt)
    assert rebuilt.read_bytes() == QT_QM_FILE.read_bytes()
