"""The portal's pages, one module per part: the plan and its documents, the dashboard and area pages,
project pages with their reporting forms, and search."""
