-- Creates or replaces a meeting's description and audience in one step. A meeting made (again)
-- gets `born`, the server's time in ms, which live subscriptions' positions carry, so a position in
-- a meeting deleted since is not taken for one in the meeting made again under its id (its `seq`
-- starts again).
-- KEYS: 1 meeting hash, 2 audience hash (normalized email -> email as given)
-- ARGV: 1 id, 2 title, 3 description, 4 public ('1' or '0', then '|' and the capacity if it has one: see
--       Admission.java), then normalized email, email, ...
if redis.call('HEXISTS', KEYS[1], 'born') == 0 then
  local now = redis.call('TIME')
  redis.call('HSET', KEYS[1], 'born', now[1] .. string.sub('00000' .. now[2], -6, -4))
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'title', ARGV[2], 'description', ARGV[3], 'public', ARGV[4])
redis.call('DEL', KEYS[2])
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
return {'OK'}
