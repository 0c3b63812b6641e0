"""The schema revision this program writes, kept apart so reading it imports nothing heavy."""

# The newest revision in migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0010"
