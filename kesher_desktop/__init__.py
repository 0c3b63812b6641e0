"""Kesher Desktop: a Hebrew-first desktop CRM built around the contact page."""

__version__ = "0.1.0"
