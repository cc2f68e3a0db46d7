"""The masterplan and the board's documents: the masterplan pages, the documents page and the PDFs."""
