/** Test runs choose the database the same way the product does: PostgreSQL when DATABASE_URL is set. */
export const testDatabaseUrl: string | undefined = process.env.DATABASE_URL || undefined;
