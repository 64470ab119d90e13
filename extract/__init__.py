"""The extract stage: resolved place mentions + text -> events, claims and article metadata."""
