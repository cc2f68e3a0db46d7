"""The portal's date formats, one style per language (FORMAT_MODULE_PATH); what is not here is Django's."""
