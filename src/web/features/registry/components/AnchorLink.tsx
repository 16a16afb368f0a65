import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type MantineAnchorProps = AnchorProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> };

function MantineAnchor(props: MantineAnchorProps) {
  return <Anchor {...props} />;
}

const Created = createLink(MantineAnchor);

/** Mantine's Anchor as a router link whose `to`, `params` and `search` are checked against the routes. */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <Created preload="intent" {...props} />;
