"""The portal's public pages that the secretariat writes itself, such as the accessibility statement
(tilgængelighedserklæring) every Danish public-sector site must publish, and the frame's footer."""
