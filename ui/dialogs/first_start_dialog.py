"""Offered once on an empty database: load the demo department, enter one's own agency, or start with no data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hrapp.context import ServiceContext
from hrapp.errors import HrappError
from ui.widgets.agency_form import AgencyForm

DEMO = "demo"
AGENCY = "agency"
EMPTY = "empty"
FORM_HEIGHT = 660  # the whole form with its messages on a 1366×768 screen (less taskbar and title bar)


class FirstStartDialog(QDialog):
    """`choice` is DEMO, AGENCY (the agency was saved) or EMPTY after the dialog closed; closing means EMPTY.

    With "Encrypt this database" ticked, the passphrase is asked twice and the still empty database (reference
    catalogues only, no personal data) is encrypted before the chosen start writes anything into it."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome"))
        self.setMinimumWidth(800)
        self.choice = EMPTY
        self.agency = None
        self.encrypted = False  # the database was encrypted here
        # two pages, one shown at a time (a hidden page takes no room, unlike a QStackedWidget's)
        self.choices_page = self._choices_page()
        self.agency_page = self._agency_page()
        self.agency_page.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.choices_page)
        layout.addWidget(self.agency_page)
        self.demo_button.setDefault(True)
        self.demo_button.setFocus()

    @staticmethod
    def _titled_page(heading: str, text: str, spacing: int) -> tuple[QWidget, QVBoxLayout, QLabel]:
        """A page of the dialog: its heading, a line of text under it (returned for its look), the layout to go on."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        title = QLabel(heading)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        return page, layout, label

    def _choices_page(self) -> QWidget:
        page, layout, _text = self._titled_page(self.tr("The database is empty"),
                                                self.tr("How would you like to start?"), 12)
        self.demo_button = QPushButton(
            self.tr("Load the demo department") + "\n"
            + self.tr("A sample Department of Science and Technology with its units and staff, to try the application.")
        )
        self.agency_button = QPushButton(
            self.tr("Set up my agency") + "\n"
            + self.tr("Name, governing body, province and signers for every document; then import from Excel.")
        )
        self.empty_button = QPushButton(
            self.tr("Start with an empty database") + "\n"
            + self.tr("Enter your own units and staff records; the agency can be set later in Administration.")
        )
        for button in (self.demo_button, self.agency_button, self.empty_button):
            button.setObjectName("choice")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setMinimumHeight(64)
            layout.addWidget(button)
        self.encrypt_box = QCheckBox(self.tr("Encrypt this database with a passphrase"))
        self.encrypt_box.setToolTip(self.tr("The passphrase is asked twice; it is not saved anywhere and is needed "
                                            "each time the database is opened. If it is lost, so are the data."))
        layout.addWidget(self.encrypt_box)
        layout.addStretch(1)
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        self.agency_button.clicked.connect(self.show_agency_form)
        self.empty_button.clicked.connect(lambda: self._choose(EMPTY))
        return page

    def _agency_page(self) -> QWidget:
        page, layout, text = self._titled_page(
            self.tr("Your agency"),
            self.tr("Printed at the top of every document and in its signature block. Fields marked * are required; "
                    "all can be changed later in Administration → Agency."), 8)
        text.setObjectName("muted")
        self.agency_form = AgencyForm(self.ctx, page)
        scroll = QScrollArea()  # the messages under the fields may need more than a 768-pixel screen's height
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.agency_form)
        layout.addWidget(scroll, 1)
        self.back_button = QPushButton(self.tr("Back"))
        self.save_button = QPushButton(self.tr("Save and start"))
        self.save_button.setObjectName("primary")
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.back_button.clicked.connect(self.show_choices)
        self.save_button.clicked.connect(self.save_agency)
        return page

    def show_agency_form(self) -> None:
        self.agency_form.load()
        self.choices_page.hide()
        self.agency_page.show()
        self.resize(self.width(), max(self.height(), FORM_HEIGHT))
        self.save_button.setDefault(True)
        self.agency_form.province_combo.setFocus()

    def show_choices(self) -> None:
        self.agency_page.hide()
        self.choices_page.show()
        self.demo_button.setFocus()

    def encrypt_if_asked(self) -> bool:
        """False when the box is ticked and the passphrase was not given or the encryption failed (said)."""
        from hrapp.services.encryption import encrypt, is_encrypted
        from ui.dialogs.passphrase_dialog import ask_new_passphrase
        from ui.messages import show_error

        if not self.encrypt_box.isChecked() or is_encrypted(self.ctx):
            return True
        passphrase = ask_new_passphrase(self)
        if passphrase is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            encrypt(self.ctx, passphrase)
        except HrappError as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc, self.tr("Encrypt the database"))
            return False
        QGuiApplication.restoreOverrideCursor()
        self.encrypted = True
        self.encrypt_box.setEnabled(False)
        return True

    def save_agency(self) -> None:
        if not self.encrypt_if_asked():
            return
        agency = self.agency_form.save()
        if agency is not None:
            self.agency = agency
            self._choose(AGENCY)

    def _choose(self, choice: str) -> None:
        if choice != AGENCY and not self.encrypt_if_asked():
            return
        self.choice = choice
        self.accept()
