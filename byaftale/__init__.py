"""The byaftale portal: the joint housing-strategy programme of Odense Kommune and the housing organisations."""
