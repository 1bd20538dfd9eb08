-- Creates or replaces a meeting's description and audience in one step.
-- KEYS: 1 meeting hash, 2 audience hash (normalized email -> email as given)
-- ARGV: 1 id, 2 title, 3 description, 4 public ('1' or '0'), then normalized email, email, ...
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'title', ARGV[2], 'description', ARGV[3], 'public', ARGV[4])
redis.call('DEL', KEYS[2])
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
return {'OK'}
