"""Users: one user per e-mail address."""

from __future__ import annotations

import pytest

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import ValidationError


def test_a_second_user_with_the_same_address_in_any_case_is_refused(services: Services) -> None:
    services.users.add("יוסי כהן", "yossi@example.com")

    with pytest.raises(ValidationError) as raised:
        services.users.add("Yossi", "  YOSSI@Example.com ")

    error = raised.value
    assert (error.code, error.field) == ("user_email_taken", "email")
    assert error.params == {"email": "YOSSI@Example.com", "name": "יוסי כהן"}
    assert [user.name for user in services.users.all() if not user.is_me] == ["יוסי כהן"]


def test_my_own_address_is_taken_too(services: Services) -> None:
    services.users.rename_me("נועה ברק", "noa@example.com")

    with pytest.raises(ValidationError) as raised:
        services.users.add("Noa", "Noa@example.com")

    assert raised.value.params["name"] == "נועה ברק"


def test_users_without_an_address_may_share_a_name(services: Services) -> None:
    services.users.me()
    first = services.users.add("אבי")
    second = services.users.add("אבי", "")

    assert first != second
    assert [user.name for user in services.users.all() if not user.is_me] == ["אבי", "אבי"]


def test_i_cannot_take_another_users_address_but_may_keep_my_own(services: Services) -> None:
    services.users.rename_me("נועה ברק", "noa@example.com")
    services.users.add("יוסי כהן", "yossi@example.com")

    with pytest.raises(ValidationError) as raised:
        services.users.rename_me("נועה ברק", "Yossi@Example.com")

    assert (raised.value.code, raised.value.params["name"]) == ("user_email_taken", "יוסי כהן")
    assert services.users.me().email == "noa@example.com"

    services.users.rename_me("נועה כהן", "NOA@example.com")
    assert (services.users.me().name, services.users.me().email) == ("נועה כהן", "NOA@example.com")
