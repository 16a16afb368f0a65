import { useUser } from '../../app/session';
import { MemberHome } from './MemberHome';
import { PublicHome } from './PublicHome';

export function HomePage() {
  const user = useUser();
  return user ? <MemberHome user={user} /> : <PublicHome />;
}
