"""The steering group's dashboard: how the whole plan is doing, and the whole of each attention list."""
