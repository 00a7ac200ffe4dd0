import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/** The client or a transaction's client: functions that write take either, so callers can batch. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
