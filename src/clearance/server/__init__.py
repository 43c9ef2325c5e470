"""The team service: decision API, admin UI, audit dashboard (``clearance serve``)."""
