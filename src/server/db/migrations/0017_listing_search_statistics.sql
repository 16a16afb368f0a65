-- Market search (techmarket/listings/search-listings.ts) chooses how to read from the planner's estimate of each
-- word's matches. With the default statistics target (100) ANALYZE keeps the 1,000 commonest words of the search
-- vectors, so a word or prefix outside them is guessed (seen at 1,000,000 listings: 'anti':* estimated 1,366, found
-- 8,913). 1,000 keeps up to 10,000 words (every word the dictionary gives, with room for the listings' own).
ALTER TABLE "tm_listings" ALTER COLUMN "search" SET STATISTICS 1000;
