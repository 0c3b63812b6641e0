"""The files and folder links kept on a contact and on its activities: listing, attaching,
linking, renaming, removing.

The files themselves live in the file store under their SHA-256; a document row holds what
is shown about one (its name, size, type and dates) and which contact or activity it is on.
A folder link's row holds its address in Dropbox or Google Drive and what its last check
found; making and checking links is services/folder_links.py's, which this one stores.
"""

from __future__ import annotations

import enum
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import ColumnElement, Row, Select, func, select
from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import Activity, ActivityKind, Document
from kesher_desktop.models.contact import DocumentKind
from kesher_desktop.services.attachment_intake import (
    AttachmentIntake,
    Intake,
    StoredFile,
    refuse_repeats,
)
from kesher_desktop.services.attachment_names import display_name
from kesher_desktop.services.errors import NotFoundError, ValidationError
from kesher_desktop.services.file_store import FileStore
from kesher_desktop.services.folder_links import FolderLink, LinkService, LinkState, LinkToCheck

log = logging.getLogger(__name__)


class FileState(enum.StrEnum):
    PRESENT = "present"
    # The store's copy is gone (deleted by hand, a restored backup without the files).
    MISSING = "missing"
    # Never kept: a mail attachment over the size limit, listed by name only.
    NOT_KEPT = "not_kept"


@dataclass(frozen=True)
class LinkInfo:
    """What a folder link's row shows besides its name."""

    service: LinkService
    url: str
    path: str = ""
    state: LinkState = LinkState.UNCHECKED


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    size: int | None
    added_at: datetime
    mime_type: str = ""
    activity_id: int | None = None
    state: FileState = FileState.PRESENT
    # Set on a folder link, None on a file.
    link: LinkInfo | None = None


@dataclass(frozen=True)
class ActivityDocuments:
    """The documents of one activity, under the activity's title."""

    activity_id: int
    kind: ActivityKind
    title: str
    documents: list[DocumentInfo]


@dataclass(frozen=True)
class DocumentListing:
    """What the documents pane shows: the contact's own files, then each activity's."""

    own: list[DocumentInfo] = field(default_factory=list)
    by_activity: list[ActivityDocuments] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.own and not self.by_activity


_COLUMNS = (
    Document.id,
    Document.name,
    Document.size,
    Document.added_at,
    Document.mime_type,
    Document.activity_id,
    Document.sha256,
    Document.kind,
    Document.link_url,
    Document.link_service,
    Document.link_path,
    Document.link_state,
)


class DocumentService:
    """Document operations; each is one short transaction. No file contents are read here
    except by `store_files`, `add_files` and `save_copy`, which the user asked for."""

    def __init__(self, store: Store, clock: Clock, files: FileStore | None = None) -> None:
        self._store = store
        self._clock = clock
        self.files = files or FileStore()
        self._intake = AttachmentIntake(self.files)

    # -- reading -------------------------------------------------------------------------

    def for_contact(self, contact_id: int) -> list[DocumentInfo]:
        """The contact's own documents (not those of its activities), newest first."""
        return self.listing(contact_id).own

    def for_activity(self, activity_id: int) -> list[DocumentInfo]:
        """The documents attached to one activity, in the order they were added."""
        query = _shown().where(Document.activity_id == activity_id)
        with self._store.reading() as connection:
            rows = connection.execute(query.order_by(Document.added_at, Document.id))
            return [self._info(row) for row in rows]

    def listing(self, contact_id: int) -> DocumentListing:
        """The contact's documents and, grouped, its activities' (deleted ones left out).

        One query; whether each file is still in the store is one `stat` per document.
        """
        starts = func.coalesce(Activity.starts_at, Activity.created_at)
        query = (
            _shown()
            .add_columns(Activity.kind, Activity.title)
            .outerjoin(Activity, Activity.id == Document.activity_id)
            .where(Document.contact_id == contact_id, Activity.deleted_at.is_(None))
            .order_by(
                Document.activity_id.is_not(None),
                starts.desc(),
                Document.activity_id.desc(),
                Document.added_at.desc(),
                Document.id.desc(),
            )
        )
        listing = DocumentListing()
        with self._store.reading() as connection:
            for row in connection.execute(query):
                self._place(listing, row)
        return listing

    def info(self, document_id: int) -> DocumentInfo:
        """One document as the lists show it; NotFoundError once it is removed."""
        with self._store.reading() as connection:
            row = connection.execute(_shown().where(Document.id == document_id)).first()
        if row is None:
            raise NotFoundError("document_not_found", id=document_id)
        return self._info(row)

    def file_path(self, document_id: int) -> Path | None:
        """Where the document's file is kept, or None when it is missing or never kept."""
        digest = self._digest(document_id)
        return self.files.path(digest) if digest and self.files.has(digest) else None

    def links_to_check(
        self,
        contact_id: int | None = None,
        activity_id: int | None = None,
        checked_before: datetime | None = None,
    ) -> list[LinkToCheck]:
        """The folder links on the contact (and its activities) or on one activity, those
        of deleted activities left out; with `checked_before`, only links last checked
        before then (or never)."""
        query = (
            select(Document.id, Document.link_service, Document.link_url, Document.link_target)
            .outerjoin(Activity, Activity.id == Document.activity_id)
            .where(
                Document.kind == DocumentKind.LINK,
                Document.removed_at.is_(None),
                Activity.deleted_at.is_(None),
            )
            .order_by(Document.id)
        )
        if contact_id is not None:
            query = query.where(Document.contact_id == contact_id)
        if activity_id is not None:
            query = query.where(Document.activity_id == activity_id)
        if checked_before is not None:
            query = query.where(
                Document.link_checked_at.is_(None) | (Document.link_checked_at < checked_before)
            )
        with self._store.reading() as connection:
            rows = connection.execute(query).all()
        return [
            LinkToCheck(row.id, LinkService(row.link_service), row.link_url, row.link_target)
            for row in rows
            if row.link_service in set(LinkService)
        ]

    # -- writing -------------------------------------------------------------------------

    def store_files(self, sources: list[Path], held: Iterable[StoredFile] = ()) -> Intake:
        """Copy the acceptable files into the store; they are on no document yet.

        A file whose content is among `held` (what an unsaved activity holds already) or
        earlier in `sources` is refused as already attached.
        """
        intake = self._intake.take(sources)
        return refuse_repeats(intake, {file.sha256 for file in held})

    def attach(
        self, contact_id: int | None, activity_id: int | None, stored: Iterable[StoredFile]
    ) -> list[int]:
        """Documents for files already in the store, on an activity (the contact is then the
        activity's, or must be) or, with no activity, on the contact itself.

        Raises NotFoundError (document_file_missing) and attaches none when a file's copy
        left the store since it was stored: a document would name content that is gone.
        """
        stored = list(stored)
        missing = [file.name for file in stored if not self.files.has(file.sha256)]
        if missing:
            log.warning("stored copies gone, nothing attached count=%s", len(missing))
            raise NotFoundError("document_file_missing", names=", ".join(missing))
        now = self._clock.now()
        with self._store.session() as session:
            contact_id = self._owner(session, contact_id, activity_id)
            documents = [
                Document(
                    contact_id=contact_id,
                    activity_id=activity_id,
                    kind=DocumentKind.FILE,
                    name=display_name(file.name)[:500],
                    size=file.size,
                    mime_type=file.mime_type[:200],
                    sha256=file.sha256,
                    file_modified_at=file.modified_at,
                    added_at=now,
                )
                for file in stored
            ]
            session.add_all(documents)
            session.flush()
            ids = [document.id for document in documents]
        log.info("documents attached contact=%s activity=%s ids=%s", contact_id, activity_id, ids)
        return ids

    def add_link(self, contact_id: int | None, activity_id: int | None, link: FolderLink) -> int:
        """A document for a linked folder, on an activity or the contact (as `attach`).

        The same link twice on one contact or activity is kept once: its id is returned.
        """
        now = self._clock.now()
        with self._store.session() as session:
            contact_id = self._owner(session, contact_id, activity_id)
            same = session.scalars(
                select(Document.id).where(
                    Document.contact_id == contact_id,
                    _same_activity(activity_id),
                    Document.kind == DocumentKind.LINK,
                    Document.link_url == link.url,
                    Document.removed_at.is_(None),
                )
            ).first()
            if same is not None:
                log.info("folder link already here id=%s", same)
                return same
            document = Document(
                contact_id=contact_id,
                activity_id=activity_id,
                kind=DocumentKind.LINK,
                name=display_name(link.name)[:500] or link.service.value,
                size=None,
                link_url=link.url,
                link_service=link.service.value,
                link_target=link.target,
                link_path=link.path,
                link_state=LinkState.LIVE.value,
                link_checked_at=now,
                added_at=now,
            )
            session.add(document)
            session.flush()
            document_id = document.id
        log.info(
            "folder link added contact=%s activity=%s id=%s service=%s",
            contact_id,
            activity_id,
            document_id,
            link.service.value,
        )
        return document_id

    def mark_links(self, states: dict[int, LinkState]) -> list[int]:
        """Keep what a check found; returns the ids whose state changed."""
        now = self._clock.now()
        changed = []
        with self._store.session() as session:
            for document_id, state in states.items():
                document = session.get(Document, document_id)
                if document is None or document.kind != DocumentKind.LINK:
                    continue
                if document.link_state != state.value:
                    changed.append(document_id)
                document.link_state = state.value
                document.link_checked_at = now
        log.info("link states kept checked=%s changed=%s", len(states), changed)
        return changed

    def add_files(
        self, contact_id: int | None, activity_id: int | None, sources: list[Path]
    ) -> tuple[list[int], Intake]:
        """Store and attach in one go; returns the new documents' ids and what was refused,
        a file whose content is on the activity (or, with none, the contact) already too."""
        intake = self._intake.take(sources)
        intake = refuse_repeats(intake, self._attached_contents(contact_id, activity_id))
        return self.attach(contact_id, activity_id, intake.stored), intake

    def rename(self, document_id: int, name: str) -> str:
        """Show the document under another name; returns the name as cleaned and kept."""
        cleaned = display_name(name)
        if not cleaned:
            raise ValidationError("document_needs_name", field="name")
        with self._store.session() as session:
            self._load(session, document_id).name = cleaned[:500]
        log.info("document renamed id=%s", document_id)
        return cleaned

    def remove(self, document_id: int) -> None:
        """Take the document off its contact; `restore` undoes it. The stored file stays,
        since undo needs it and other documents may share its content."""
        with self._store.session() as session:
            self._load(session, document_id).removed_at = self._clock.now()
        log.info("document removed id=%s", document_id)

    def restore(self, document_id: int) -> bool:
        """Undo `remove`; False (and nothing changes) when the same content was attached to
        the same contact or activity meanwhile, which would list the file twice."""
        with self._store.session() as session:
            document = self._load(session, document_id, include_removed=True)
            if document.kind == DocumentKind.FILE and document.sha256:
                owner = (document.contact_id, document.activity_id)
                if document.sha256 in self._attached_contents(*owner):
                    log.info("document not restored, attached again id=%s", document_id)
                    return False
            document.removed_at = None
        log.info("document restored id=%s", document_id)
        return True

    def save_copy(self, document_id: int, target: Path) -> None:
        """Copy the document's file to `target`, a path the user chose."""
        source = self.file_path(document_id)
        if source is None:
            raise NotFoundError("document_file_missing", id=document_id)
        shutil.copyfile(source, target)
        log.info("document copied out id=%s", document_id)

    # -- helpers -------------------------------------------------------------------------

    def _info(self, row: Row) -> DocumentInfo:
        if row.kind == DocumentKind.LINK:
            return self._link_info(row)
        digest = row.sha256
        if not digest:
            state = FileState.NOT_KEPT
        else:
            state = FileState.PRESENT if self.files.has(digest) else FileState.MISSING
        # Cleaned again on the way out: names logged from mail came in before cleaning.
        name = display_name(row.name)
        return DocumentInfo(
            row.id, name, row.size, row.added_at, row.mime_type, row.activity_id, state
        )

    def _link_info(self, row: Row) -> DocumentInfo:
        try:
            service = LinkService(row.link_service)
            state = LinkState(row.link_state)
        except ValueError:
            # Written by a newer version that knows more services or states.
            service, state = LinkService.DROPBOX, LinkState.UNCHECKED
        link = LinkInfo(service, row.link_url, row.link_path, state)
        return DocumentInfo(
            row.id, display_name(row.name), None, row.added_at, "", row.activity_id, link=link
        )

    def _owner(self, session: Session, contact_id: int | None, activity_id: int | None) -> int:
        """The contact a new document goes on: the activity's, which must match if given."""
        if activity_id is not None:
            activity = session.get(Activity, activity_id)
            if activity is None or contact_id not in (None, activity.contact_id):
                raise NotFoundError("activity_not_found", id=activity_id)
            contact_id = activity.contact_id
        if contact_id is None:
            raise ValueError("a document needs a contact or an activity")
        return contact_id

    def _attached_contents(self, contact_id: int | None, activity_id: int | None) -> set[str]:
        """The SHA-256 of each file on the activity, or on the contact itself without one."""
        query = select(Document.sha256).where(
            Document.kind == DocumentKind.FILE,
            Document.removed_at.is_(None),
            _same_activity(activity_id),
        )
        if activity_id is None:
            query = query.where(Document.contact_id == contact_id)
        with self._store.reading() as connection:
            return {digest for digest in connection.execute(query).scalars() if digest}

    def _place(self, listing: DocumentListing, row: Row) -> None:
        info = self._info(row)
        if row.activity_id is None:
            listing.own.append(info)
            return
        groups = listing.by_activity
        if not groups or groups[-1].activity_id != row.activity_id:
            groups.append(ActivityDocuments(row.activity_id, row.kind, row.title, []))
        groups[-1].documents.append(info)

    def _digest(self, document_id: int) -> str:
        with self._store.reading() as connection:
            digest = connection.execute(
                select(Document.sha256).where(
                    Document.id == document_id, Document.removed_at.is_(None)
                )
            ).scalar()
        if digest is None:
            raise NotFoundError("document_not_found", id=document_id)
        return digest

    def _load(self, session: Session, document_id: int, include_removed: bool = False) -> Document:
        document = session.get(Document, document_id)
        if document is None or (document.removed_at is not None and not include_removed):
            raise NotFoundError("document_not_found", id=document_id)
        return document


def _shown() -> Select:
    """The shown columns of the documents (files and links) not removed."""
    return select(*_COLUMNS).where(Document.removed_at.is_(None))


def _same_activity(activity_id: int | None) -> ColumnElement[bool]:
    if activity_id is None:
        return Document.activity_id.is_(None)
    return Document.activity_id == activity_id
