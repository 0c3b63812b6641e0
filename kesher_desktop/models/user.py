"""The people who use the app: "me" and the other users of the same database."""

from __future__ import annotations

from sqlalchemy import String
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
