"""Search across the plan: projects, parties and milestones."""
