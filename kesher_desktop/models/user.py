"""The people who use the app: "me" and the other users of the same database."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kesher_desktop.models.base import Base


class User(Base):
    """A user who can take part in activities or be responsible for tasks."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320), default="")
    # Exactly one row is "me" on a given machine; a shared database later keys this per login.
    is_me: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # The secret that signs this user's tracking tags (services/tracking_tag.py), made on
    # first use. Kept here rather than in the keyring: it must outlive a lost or changed
    # keyring (tags already sent out would stop verifying) and belongs to this user in
    # this database, not to the machine. It guards only against forged tags, not secrets.
    tracking_key: Mapped[bytes | None] = mapped_column(LargeBinary(32))
