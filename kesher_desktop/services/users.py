"""The users of this database: who "me" is and who else can take part."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.db.store import Store
from kesher_desktop.models import User
from kesher_desktop.services.errors import ValidationError
from kesher_desktop.services.validation import check_email

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    email: str
    is_me: bool


class UserService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def me(self) -> UserInfo:
        """The local user, created on first use from the operating system's account name."""
        with self._store.session() as session:
            user = session.scalar(select(User).where(User.is_me.is_(True)))
            if user is None:
                user = User(name=_login_name(), email="", is_me=True)
                session.add(user)
                session.flush()
                log.info("created local user id=%s", user.id)
            return _info(user)

    def all(self) -> list[UserInfo]:
        with self._store.session() as session:
            users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.name))
            return [_info(user) for user in users]

    def add(self, name: str, email: str = "") -> int:
        name = name.strip()
        if not name:
            raise ValidationError("user_needs_name", field="name")
        if email.strip():
            email = check_email(email, field="email")
        with self._store.session() as session:
            _refuse_taken_email(session, email.strip())
            user = User(name=name, email=email.strip())
            session.add(user)
            session.flush()
            log.info("user added id=%s", user.id)
            return user.id

    def check_me(self, name: str, email: str) -> None:
        """Raise ValidationError where `rename_me` would, saving nothing.

        For a form that saves other things too: checked first, nothing is saved while my
        name or address is wrong.
        """
        me = self.me()
        with self._store.session() as session:
            _my_checked_email(session, me.id, name, email)

    def rename_me(self, name: str, email: str) -> None:
        me = self.me()
        with self._store.session() as session:
            checked = _my_checked_email(session, me.id, name, email)
            user = session.get(User, me.id)
            assert user is not None
            user.name = name.strip()
            user.email = checked


def _my_checked_email(session: Session, my_id: int, name: str, email: str) -> str:
    """My address as stored, once my name and it pass the rules; else ValidationError."""
    if not name.strip():
        raise ValidationError("user_needs_name", field="name")
    if email.strip():
        email = check_email(email, field="email")
    _refuse_taken_email(session, email.strip(), other_than=my_id)
    return email.strip()


def _refuse_taken_email(session: Session, email: str, other_than: int | None = None) -> None:
    """Raise `user_email_taken` when another active user (me included) has this address.

    Addresses match in any letter case. Users without an address are told apart by name
    alone, and two people may share a name, so an empty address is never refused.
    """
    if not email:
        return
    # Compared here rather than in SQL: SQLite's lower() folds only ASCII letters, and a
    # database holds a handful of users.
    for user in session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)):
        if user.id != other_than and user.email.casefold() == email.casefold():
            raise ValidationError("user_email_taken", field="email", email=email, name=user.name)


def _info(user: User) -> UserInfo:
    return UserInfo(user.id, user.name, user.email, user.is_me)


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except OSError:
        return "me"
