// Placeholder until the target's files land.
