"""Opening, migrating and backing up the store; the only place that knows the database kind."""
